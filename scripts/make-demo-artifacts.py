#!/usr/bin/env python3
"""Writes the demo world's published artifacts (deterministic: same bytes on every run) and prints
their digests. Everything in them is fictional; the AWS key id in @inkwell/cli 2.4.0's .env is a
valid-format but invented value (AKIA + QUILLDEMOINKWELL) that no AWS account ever issued.

    python3 scripts/make-demo-artifacts.py   # then update the digests in the demo JSON if they changed
"""
import base64, gzip, hashlib, io, os, tarfile, zipfile

ROOT = os.path.join(os.path.dirname(__file__), "..", "audit-core", "src", "main", "resources", "demo", "artifacts")
MTIME = 1700000000


def tgz(files):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name, text in files:
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode, info.uname, info.gname = len(data), MTIME, 0o644, "", ""
            tar.addfile(info, io.BytesIO(data))
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(raw.getvalue())
    return out.getvalue()


def zipped(files):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files:
            info = zipfile.ZipInfo(name, date_time=(2023, 11, 14, 22, 13, 20))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)
    return out.getvalue()


ARTIFACTS = {
    "npm/clean.tgz": tgz([
        ("package/package.json", '{\n  "name": "inkwell-demo-package",\n  "version": "1.0.0",\n  "main": "index.js",\n  "license": "MIT"\n}\n'),
        ("package/index.js", "'use strict';\n// Fictional demo package of the auditor's demo world.\nmodule.exports = (text) => text.trim();\n"),
        ("package/README.md", "# inkwell demo package\n\nFictional; part of the auditor's offline demo world.\n"),
    ]),
    "npm/inkwell-cli-2.4.0.tgz": tgz([
        ("package/package.json", '{\n  "name": "@inkwell/cli",\n  "version": "2.4.0",\n  "bin": { "inkwell": "bin/inkwell.js" },\n'
                                 '  "scripts": { "postinstall": "node bin/setup.js" },\n  "license": "MIT"\n}\n'),
        ("package/bin/inkwell.js", "#!/usr/bin/env node\n'use strict';\nrequire('dotenv').config();\nconsole.log('inkwell 2.4.0');\n"),
        ("package/bin/setup.js", "'use strict';\n// postinstall added in 2.4.0\nconsole.log('setting up inkwell');\n"),
        ("package/.env", "# local settings of the publisher's machine (FICTIONAL demo values)\n"
                                      "INKWELL_ENV=development\nAWS_REGION=eu-west-1\nAWS_ACCESS_KEY_ID=AKIAQUILLDEMOINKWELL\n"),
    ]),
    "pypi/clean.tar.gz": tgz([
        ("inkwell-demo/PKG-INFO", "Metadata-Version: 2.1\nName: inkwell-demo\nVersion: 1.0.0\nSummary: Fictional demo project\n"),
        ("inkwell-demo/pyproject.toml", "[project]\nname = \"inkwell-demo\"\nversion = \"1.0.0\"\n"),
        ("inkwell-demo/inkwell/__init__.py", "\"\"\"Fictional demo project of the auditor's demo world.\"\"\"\n__version__ = \"1.0.0\"\n"),
    ]),
    "pypi/clean.whl": zipped([
        ("inkwell/__init__.py", "\"\"\"Fictional demo project of the auditor's demo world.\"\"\"\n__version__ = \"1.0.0\"\n"),
        ("inkwell_demo-1.0.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: inkwell-demo\nVersion: 1.0.0\n"),
        ("inkwell_demo-1.0.0.dist-info/WHEEL", "Wheel-Version: 1.0\nGenerator: demo\nRoot-Is-Purelib: true\nTag: py3-none-any\n"),
        ("inkwell_demo-1.0.0.dist-info/RECORD", "inkwell/__init__.py,,\n"),
    ]),
}

for name, data in ARTIFACTS.items():
    path = os.path.join(ROOT, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    print(name, len(data), "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode(), hashlib.sha256(data).hexdigest())

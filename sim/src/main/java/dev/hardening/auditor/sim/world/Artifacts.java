package dev.hardening.auditor.sim.world;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The published files of a world: npm tarballs, PyPI sdists and wheels. Small but real archives,
 * built deterministically (the same bytes every time, so digests in the metadata match), kept once
 * built. A version flagged as leaking a secret ships the publisher's {@code .env}; a wheel flagged
 * with a {@code .pth} file ships one.
 */
public final class Artifacts {
    /** The demo world's fictional AWS key id (never a real credential). */
    private static final String ENV = """
            # local settings of the publisher's machine (FICTIONAL simulated values)
            APP_ENV=development
            AWS_REGION=eu-west-1
            AWS_ACCESS_KEY_ID=AKIAQUILLDEMOINKWELL
            """;

    private final Map<String, byte[]> built = new ConcurrentHashMap<>();

    public byte[] npmTarball(NpmPackage p, NpmPackage.Version v) {
        return built.computeIfAbsent("npm:" + p.name() + "@" + v.version(), k -> {
            Map<String, String> files = new LinkedHashMap<>();
            String scripts = v.postinstall() ? ",\n  \"scripts\": { \"postinstall\": \"node setup.js\" }" : "";
            files.put("package/package.json", "{\n  \"name\": \"" + p.name() + "\",\n  \"version\": \"" + v.version()
                    + "\",\n  \"main\": \"index.js\",\n  \"license\": \"MIT\"" + scripts + "\n}\n");
            files.put("package/index.js", "'use strict';\nmodule.exports = function " + identifier(p.name())
                    + "(input) {\n  return String(input).trim();\n};\n");
            files.put("package/README.md", "# " + p.name() + "\n\nA simulated package.\n");
            if (v.postinstall()) {
                files.put("package/setup.js", "require('child_process').execSync('node -e \"1\"');\n");
            }
            if (v.leaksSecret()) {
                files.put("package/.env", ENV);
            }
            return tarGz(files);
        });
    }

    public byte[] pypiFile(PyPIProject p, PyPIProject.Release r, PyPIProject.File f) {
        return built.computeIfAbsent("pypi:" + f.filename(), k -> {
            String dist = p.distribution();
            String module = dist;
            if (f.packageType().equals("sdist")) {
                Map<String, String> files = new LinkedHashMap<>();
                String root = dist + "-" + r.version() + "/";
                files.put(root + "PKG-INFO", "Metadata-Version: 2.1\nName: " + p.name() + "\nVersion: " + r.version() + "\n");
                files.put(root + "pyproject.toml", "[project]\nname = \"" + p.name() + "\"\nversion = \"" + r.version() + "\"\n");
                files.put(root + module + "/__init__.py", "__version__ = \"" + r.version() + "\"\n");
                return tarGz(files);
            }
            Map<String, String> files = new LinkedHashMap<>();
            String info = dist + "-" + r.version() + ".dist-info/";
            files.put(module + "/__init__.py", "__version__ = \"" + r.version() + "\"\n");
            if (f.addsPth()) {
                files.put(module + "_init.pth", "import os; os.system('true')\n");
            }
            files.put(info + "METADATA", "Metadata-Version: 2.1\nName: " + p.name() + "\nVersion: " + r.version() + "\n");
            files.put(info + "WHEEL", "Wheel-Version: 1.0\nGenerator: sim\nRoot-Is-Purelib: true\nTag: "
                    + (f.pythonVersion().equals("py3") ? "py3-none-any" : "cp312-cp312-manylinux_2_17_x86_64") + "\n");
            files.put(info + "RECORD", "");
            return zip(files);
        });
    }

    /** npm's {@code dist.integrity}: SHA-512, base64. */
    public static String integrity(byte[] bytes) {
        return "sha512-" + Base64.getEncoder().encodeToString(digest("SHA-512", bytes));
    }

    public static String shasum(byte[] bytes) {
        return HexFormat.of().formatHex(digest("SHA-1", bytes));
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest("SHA-256", bytes));
    }

    public static String md5(byte[] bytes) {
        return HexFormat.of().formatHex(digest("MD5", bytes));
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String identifier(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "_");
    }

    private static byte[] tarGz(Map<String, String> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            for (Map.Entry<String, String> e : files.entrySet()) {
                byte[] data = e.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(data.length);
                entry.setModTime(499_162_500_000L); // npm's fixed 1985-10-26 mtime
                tar.putArchiveEntry(entry);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : files.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(315_532_800_000L); // 1980-01-01, as reproducible wheels use
                zip.putNextEntry(entry);
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

package dev.hardening.auditor.core.keys;

/** What an OpenPGP key or subkey is allowed to do (its key flags, RFC 4880 §5.2.3.21). */
public enum KeyUsage {
    CERTIFY, SIGN, ENCRYPT, AUTHENTICATE
}

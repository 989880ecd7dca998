package dev.hardening.auditor.core.secrets;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import dev.hardening.auditor.core.secrets.CredentialStore.CredentialStoreException;
import java.util.Optional;

/**
 * The operating system's password store as a map from (service, account) to a string: the macOS
 * Keychain, the Windows Credential Manager or the Secret Service of a Linux desktop, through
 * java-keyring ({@link #os()}). Tests use an in-memory one.
 */
public interface Keychain {

    Optional<String> get(String service, String account) throws CredentialStoreException;

    void set(String service, String account, String value) throws CredentialStoreException;

    void delete(String service, String account) throws CredentialStoreException;

    /** This machine's keychain, or why there is none usable (a server without a desktop session). */
    static Keychain os() throws CredentialStoreException {
        Keyring keyring;
        try {
            keyring = Keyring.create();
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            throw new CredentialStoreException("no OS keychain is available here (" + e.getClass().getSimpleName() + ")");
        }
        return new Keychain() {
            @Override
            public Optional<String> get(String service, String account) throws CredentialStoreException {
                try {
                    String value = keyring.getPassword(service, account);
                    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
                } catch (PasswordAccessException e) {
                    // java-keyring reports "not found" as an access failure.
                    return Optional.empty();
                } catch (RuntimeException | LinkageError e) {
                    throw new CredentialStoreException("cannot read the OS keychain (" + e.getClass().getSimpleName() + ")");
                }
            }

            @Override
            public void set(String service, String account, String value) throws CredentialStoreException {
                try {
                    keyring.setPassword(service, account, value);
                } catch (PasswordAccessException | RuntimeException | LinkageError e) {
                    throw new CredentialStoreException("cannot write to the OS keychain (" + e.getClass().getSimpleName() + ")");
                }
            }

            @Override
            public void delete(String service, String account) throws CredentialStoreException {
                try {
                    keyring.deletePassword(service, account);
                } catch (PasswordAccessException e) {
                    // Nothing stored under that name: nothing to delete.
                } catch (RuntimeException | LinkageError e) {
                    throw new CredentialStoreException("cannot delete from the OS keychain (" + e.getClass().getSimpleName() + ")");
                }
            }
        };
    }
}

package dev.hardening.auditor.desktop.password;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardening.auditor.core.clients.hibp.PwnedPasswordsClient;
import dev.hardening.auditor.core.config.Endpoints;
import dev.hardening.auditor.core.engine.ProgressListener;
import dev.hardening.auditor.core.facts.password.PwnedPassword;
import dev.hardening.auditor.core.http.HttpClients;
import dev.hardening.auditor.core.http.HttpGateway;
import dev.hardening.auditor.core.http.HttpSettings;
import dev.hardening.auditor.core.passwords.PwnedPasswordChecker;
import java.util.List;
import java.util.Map;

/**
 * The app's password check: the Pwned Passwords range API at the configured URL
 * ({@code AUDITOR_PWNED_PASSWORDS_URL} or the public service), without the on-disk cache, which
 * would otherwise keep a trace of the prefix.
 */
public final class PwnedPasswordsService implements PasswordCheckService {
    private final Map<String, String> environment;

    public PwnedPasswordsService(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public PwnedPassword check(char[] password) throws Exception {
        var client = HttpClients.forAudit(HttpSettings.defaults().withCacheDir(null), List.of());
        HttpGateway gateway = new HttpGateway(client, new ObjectMapper(), ProgressListener.NONE, 1);
        PwnedPasswordsClient range = new PwnedPasswordsClient(gateway, Endpoints.fromEnvironment(environment).pwnedPasswords());
        return new PwnedPasswordChecker(range).check(password);
    }
}

package dev.hardening.auditor.core.clients.pypi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

public class UserPackagesResponseTest {

    public static byte[] resource(String name) throws IOException {
        try (InputStream in = UserPackagesResponseTest.class.getResourceAsStream("/pypi-xmlrpc/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsEveryRoleAndProjectInOrder() throws Exception {
        assertThat(UserPackagesResponse.parse(resource("user_packages_alice.xml"))).containsExactly(
                new PyPIUserProject("Owner", "Poetry-Core"),
                new PyPIUserProject("Owner", "alice-tools"),
                new PyPIUserProject("Maintainer", "zest.releaser"));
    }

    @Test
    void anUnknownUserIsAnEmptyArray() throws Exception {
        String empty = "<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value><array><data>\n</data></array></value>\n"
                + "</param>\n</params>\n</methodResponse>\n";

        assertThat(UserPackagesResponse.parse(empty.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    static Stream<Arguments> unreadable() {
        String fault = "<?xml version='1.0'?><methodResponse><fault><value><struct>"
                + "<member><name>faultCode</name><value><int>-32500</int></value></member>"
                + "<member><name>faultString</name><value><string>RuntimeError: too many requests</string></value></member>"
                + "</struct></value></fault></methodResponse>";
        String xxe = "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<methodResponse><params><param><value><array><data><value><array><data>"
                + "<value><string>Owner</string></value><value><string>&x;</string></value>"
                + "</data></array></value></data></array></value></param></params></methodResponse>";
        String notAPair = "<methodResponse><params><param><value><array><data><value><array><data>"
                + "<value><string>Owner</string></value></data></array></value></data></array></value></param></params></methodResponse>";
        return Stream.of(
                Arguments.of("fault", fault, "XML-RPC fault: RuntimeError: too many requests"),
                Arguments.of("HTML error page", "<!doctype html><html><body><h1>Service Unavailable</h1><br></body></html>", "not well-formed"),
                Arguments.of("HTML without doctype", "<html><body>Oops</body></html>", "not an XML-RPC methodResponse"),
                Arguments.of("truncated", "<methodResponse><params><param><value><array><data><value><arr", "not well-formed"),
                Arguments.of("external entity", xxe, "carries a DTD"),
                Arguments.of("not a pair", notAPair, "not a [role, project] pair"),
                Arguments.of("JSON", "{\"error\":\"nope\"}", "not well-formed"),
                Arguments.of("empty", "", "not well-formed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadable")
    void anythingElseIsAClearErrorThatDoesNotEchoTheBody(String name, String body, String message) {
        assertThatThrownBy(() -> UserPackagesResponse.parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UserPackagesResponse.MalformedResponse.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("/etc/passwd").doesNotContain("Oops"));
    }

    @Test
    void tooManyProjectsIsRefused() {
        StringBuilder xml = new StringBuilder("<methodResponse><params><param><value><array><data>");
        for (int i = 0; i <= UserPackagesResponse.MAX_PROJECTS; i++) {
            xml.append("<value><array><data><value><string>Owner</string></value><value><string>p").append(i)
                    .append("</string></value></data></array></value>");
        }
        xml.append("</data></array></value></param></params></methodResponse>");

        assertThatThrownBy(() -> UserPackagesResponse.parse(xml.toString().getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("more than " + UserPackagesResponse.MAX_PROJECTS);
    }
}

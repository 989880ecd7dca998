package dev.hardening.auditor.core.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DemoResponseTemplateTest {
    private static final Instant NOW = Instant.parse("2030-01-15T10:00:00.123456Z");

    private static String render(String template) {
        return ResponseTemplate.compile(template, "test").render(NOW, List.of("integrity", "inkwell", "1.0", "f.whl"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = "=>", value = {
            "{{days:0}}                         => 2030-01-15T10:00:00Z",
            "{{days:-400}}                      => 2028-12-11T10:00:00Z",
            "{{days:+200}}                      => 2030-08-03T10:00:00Z",
            "{{days:-9@12:19:40.663}}           => 2030-01-06T12:19:40.663Z",
            "{{days:-9@12:19:40}}               => 2030-01-06T12:19:40Z",
            "{{days:-14@10:22:31.905613}}       => 2030-01-01T10:22:31.905613Z",
            "{{days:-14@10:22:31.905613|local}} => 2030-01-01T10:22:31",
            "{{days:-14@10:22:31|date}}         => 2030-01-01",
            "{{days:-20@08:14:52|http}}         => Wed, 26 Dec 2029 08:14:52 GMT",
            "{{days:+3@09:05:01|http}}          => Fri, 18 Jan 2030 09:05:01 GMT",
            "{{days:+200@15:09:46|github}}      => 2030-08-03 15:09:46 +0000",
            "{{days:-1@00:00:01|epoch}}         => 1894579201",
            "{{days:-1@00:00:01.250|millis}}    => 1894579201250",
            "{{epoch:+3600}}                    => 1894705200",
            "{{segment:3}}                      => f.whl",
            "{{segment:9}}                      => ''",
            "x{{days:0|date}}y{{epoch:0}}z      => x2030-01-15y1894701600z",
    })
    void rendersEachPlaceholderRelativeToNow(String template, String expected) {
        assertThat(render(template)).isEqualTo(expected);
    }

    @Test
    void aPastTimeOfDayIsAlwaysInThePastFromYesterdayOn() {
        Instant justAfterMidnight = Instant.parse("2030-01-15T00:00:01Z");

        String yesterdayLate = ResponseTemplate.compile("{{days:-1@23:59:59.999}}", "t").render(justAfterMidnight, List.of());

        assertThat(Instant.parse(yesterdayLate)).isBefore(justAfterMidnight);
    }

    @Test
    void segmentsAreEscapedForJsonStrings() {
        String out = ResponseTemplate.compile("{\"m\":\"{{segment:0}}\"}", "t")
                .render(NOW, List.of("a\"b\\c\nd</script>"));

        assertThat(out).isEqualTo("{\"m\":\"a\\\"b\\\\c\\u000ad\\u003c/script>\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{day:-1}}", "{{days:1|rfc}}", "{{epoch:+1@10:00:00}}", "{{segment:1|http}}",
            "{{days:-1@25:00:00}}", "{{ days:-1 }}", "{{days}}", "{{now}}", "text {{ unclosed"})
    void malformedPlaceholdersAreRefusedWhenCompiled(String template) {
        assertThatThrownBy(() -> ResponseTemplate.compile(template, "demo/x.json"))
                .isInstanceOf(RuntimeException.class)
                .hasMessageContaining("demo/x.json");
    }

    @Test
    void textWithoutPlaceholdersIsServedAsWritten() {
        assertThat(render("{\"a\":{\"b\":[1,{}]}}")).isEqualTo("{\"a\":{\"b\":[1,{}]}}");
    }
}

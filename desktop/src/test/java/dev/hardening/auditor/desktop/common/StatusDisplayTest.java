package dev.hardening.auditor.desktop.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.model.Status;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusDisplayTest {

    @Test
    void every_status_reads_without_colour() {
        assertThat(Arrays.stream(Status.values()).map(StatusDisplay::text))
                .containsExactly("✔ PASS", "✖ FAIL", "⚠ WARN", "? UNKNOWN", "✎ ATTESTED", "– N/A");
        assertThat(Arrays.stream(Status.values()).map(StatusDisplay::icon).distinct()).hasSize(Status.values().length);
    }

    @Test
    void style_classes_match_the_stylesheet_names() {
        assertThat(StatusDisplay.styleClass(Status.NOT_APPLICABLE)).isEqualTo("status-not-applicable");
        assertThat(StatusDisplay.allStyleClasses()).hasSize(Status.values().length);
    }

    @Test
    void the_most_urgent_sort_first() {
        List<Status> sorted = Arrays.stream(Status.values()).sorted(StatusDisplay.MOST_URGENT_FIRST).toList();
        assertThat(sorted).containsExactly(Status.FAIL, Status.WARN, Status.UNKNOWN, Status.ATTESTED, Status.PASS,
                Status.NOT_APPLICABLE);
    }
}

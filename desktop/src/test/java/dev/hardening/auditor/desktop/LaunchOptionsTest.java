package dev.hardening.auditor.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void without_options_the_demo_starts_at_once() {
        assertThat(LaunchOptions.parse(List.of())).isEqualTo(new LaunchOptions(true, Optional.empty(), false));
    }

    @Test
    void no_demo_opens_an_idle_window() {
        assertThat(LaunchOptions.parse(List.of("--no-demo")).runDemo()).isFalse();
        assertThat(LaunchOptions.parse(List.of("--no-demo", "--demo")).runDemo()).isTrue();
    }

    @Test
    void a_screenshot_always_runs_the_demo() {
        LaunchOptions options = LaunchOptions.parse(List.of("--no-demo", "--screenshot", "docs/window.png"));
        assertThat(options.screenshot()).contains(Path.of("docs/window.png"));
        assertThat(options.runDemo()).isTrue();
        assertThat(LaunchOptions.parse(List.of("--screenshot=shot.png")).screenshot()).contains(Path.of("shot.png"));
    }

    @Test
    void mistakes_are_reported() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--screenshot")))
                .hasMessage("--screenshot needs a file name");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--screenshot=")))
                .hasMessage("--screenshot needs a file name");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--token", "x")))
                .hasMessage("unknown option '--token'");
        assertThat(LaunchOptions.parse(List.of("-h")).help()).isTrue();
    }
}

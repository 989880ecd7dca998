package dev.hardening.auditor.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hardening.auditor.desktop.theme.Theme;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void without_options_the_demo_is_left_to_the_first_launch_rule() {
        assertThat(LaunchOptions.parse(List.of())).isEqualTo(LaunchOptions.defaults());
        assertThat(LaunchOptions.defaults().runDemo()).isFalse();
        assertThat(LaunchOptions.defaults().welcome()).isFalse();
    }

    @Test
    void demo_starts_the_demo_at_once() {
        assertThat(LaunchOptions.parse(List.of("--demo")).runDemo()).isTrue();
        assertThat(LaunchOptions.parse(List.of("--demo", "--no-demo")).runDemo()).isFalse();
        assertThat(LaunchOptions.parse(List.of("--demo", "--no-demo")).welcome()).isTrue();
        assertThat(LaunchOptions.parse(List.of("--no-demo", "--demo")).welcome()).isFalse();
    }

    @Test
    void screenshots_always_run_the_demo() {
        LaunchOptions one = LaunchOptions.parse(List.of("--screenshot", "docs/window.png"));
        assertThat(one.screenshot()).contains(Path.of("docs/window.png"));
        assertThat(one.runDemo()).isTrue();
        assertThat(LaunchOptions.parse(List.of("--screenshot=shot.png")).screenshot()).contains(Path.of("shot.png"));
        LaunchOptions every = LaunchOptions.parse(List.of("--screenshots=docs/screenshots"));
        assertThat(every.screenshots()).contains(Path.of("docs/screenshots"));
        assertThat(every.runDemo()).isTrue();
    }

    @Test
    void theme_text_size_and_startup_time() {
        LaunchOptions options = LaunchOptions.parse(List.of("--theme", "DARK", "--text-scale=200%", "--startup-time"));
        assertThat(options.theme()).isEqualTo(Theme.DARK);
        assertThat(options.textScale()).isEqualTo(200);
        assertThat(options.startupTime()).isTrue();
    }

    @Test
    void mistakes_are_reported() {
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--screenshot")))
                .hasMessage("--screenshot needs a file name");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--screenshot=")))
                .hasMessage("--screenshot needs a file name");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--token", "x")))
                .hasMessage("unknown option '--token'");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--token=x")))
                .hasMessage("unknown option '--token'");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--demo=yes")))
                .hasMessage("--demo takes no value");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--theme", "blue")))
                .hasMessageContaining("--theme: unknown theme 'blue'");
        assertThatThrownBy(() -> LaunchOptions.parse(List.of("--text-scale", "1000")))
                .hasMessageContaining("--text-scale: expected a percentage");
        assertThat(LaunchOptions.parse(List.of("-h")).help()).isTrue();
    }
}

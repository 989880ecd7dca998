package dev.hardening.auditor.core.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionsTest {

    @Test
    void findsEveryExpressionAndIgnoresBracesInsideStrings() {
        assertThat(Expressions.in("a ${{ x }} b ${{ format('}}{0}', y) }} c ${{ unclosed"))
                .containsExactly(" x ", " format('}}{0}', y) ", " unclosed");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "github.event.comment.body | github.event.comment.body",
            "github['event'] [ 'comment' ].body | github.event.comment.body",
            "GitHub.Event.Issue.Title | github.event.issue.title",
            "github.event.commits[3].message | github.event.commits.*.message",
            "github.event.pages[*].page_name | github.event.pages.*.page_name",
            "contains(github.event.issue.labels.*.name, 'bug') | github.event.issue.labels.*.name",
            "env.TITLE | env.title"})
    void referencesAreNormalised(String expression, String path) {
        assertThat(Expressions.references(expression)).containsExactly(path);
    }

    @Test
    void textInStringLiteralsIsNoReference() {
        assertThat(Expressions.references("'github.event.comment.body' == github.actor")).containsExactly("github.actor");
    }

    @Test
    void secretsAreNamedWithoutTheirValues() {
        assertThat(Expressions.secretsIn("${{ secrets.NPM_TOKEN }} ${{ secrets['pypi_token'] }} ${{ secrets.A.B }} $NPM_TOKEN"))
                .containsExactly("NPM_TOKEN", "PYPI_TOKEN");
    }

    @Test
    void displayHidesLongStringLiteralsThatCouldHoldACredential() {
        String token = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";

        assertThat(Expressions.display(" github.event.comment.body  ||\n '" + token + "' ")).isEqualTo("github.event.comment.body || '…'");
        assertThat(Expressions.display("format('{0}', github.event.issue.title)")).isEqualTo("format('{0}', github.event.issue.title)");
    }
}

package dev.hardening.auditor.core.workstation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class IniFileTest {

    @Test
    void npmKeysKeepTheirColonsAndQuotesAndInlineCommentsAreRemoved() {
        List<IniFile.Entry> entries = IniFile.parse("""
                # comment
                //registry.npmjs.org/:_authToken=abc123 ; added by npm login
                ; another comment
                email = "me@example.org"
                weird=a\\;b
                [section]
                  key='quoted value'
                no-equals-line
                """, IniFile.Dialect.NPM);

        assertThat(entries).extracting(IniFile.Entry::section, IniFile.Entry::key, IniFile.Entry::value, IniFile.Entry::line)
                .containsExactly(
                        tuple("", "//registry.npmjs.org/:_authToken", "abc123", 2),
                        tuple("", "email", "me@example.org", 4),
                        tuple("", "weird", "a;b", 5),
                        tuple("section", "key", "quoted value", 7));
    }

    @Test
    void configparserAcceptsColonsAndContinuationLinesAndKeepsInlineText() {
        List<IniFile.Entry> entries = IniFile.parse("""
                [distutils]
                index-servers =
                    pypi
                    testpypi

                [pypi]
                username: __token__
                password = pypi-abc ; not a comment in configparser
                """, IniFile.Dialect.CONFIGPARSER);

        assertThat(entries).extracting(IniFile.Entry::section, IniFile.Entry::key, IniFile.Entry::value, IniFile.Entry::line)
                .containsExactly(
                        tuple("distutils", "index-servers", "\npypi\ntestpypi", 2),
                        tuple("pypi", "username", "__token__", 7),
                        tuple("pypi", "password", "pypi-abc ; not a comment in configparser", 8));
    }

    @Test
    void windowsLineEndsAndGarbageDoNotBreakIt() {
        assertThat(IniFile.parse("[a]\r\nk=v\r\n\u0000\u0001=\r\n=nothing\r\n", IniFile.Dialect.CONFIGPARSER))
                .extracting(IniFile.Entry::key).contains("k");
        assertThat(IniFile.parse("", IniFile.Dialect.NPM)).isEmpty();
    }
}

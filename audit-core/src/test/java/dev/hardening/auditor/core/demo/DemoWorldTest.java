package dev.hardening.auditor.core.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardening.auditor.core.AuditorSettings;
import dev.hardening.auditor.core.config.Endpoints;
import dev.hardening.auditor.core.facts.github.GitHubTokenKind;
import dev.hardening.auditor.core.http.HttpSettings;
import dev.hardening.auditor.core.model.AuditTargets;
import dev.hardening.auditor.core.policy.Policy;
import dev.hardening.auditor.core.tokens.pypi.PyPITokenDecoder;
import dev.hardening.auditor.core.tokens.pypi.PyPITokenInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The world is coherent and produces the verdicts it was designed for (see demo/WORLD.md), whatever
 * the day: each verdict is recomputed here from the served responses with the catalog's rules, at
 * several audit clocks.
 */
class DemoWorldTest {
    private static final Duration YEAR = Duration.ofDays(365);
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+-]+@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
    private static final Set<String> LARGE_PROVIDERS = Set.of("gmail.com");

    static Stream<Clock> clocks() {
        return Stream.of(DemoTransportTest.CLOCK, Clock.systemUTC(),
                Clock.fixed(Instant.parse("2041-07-03T23:59:59Z"), ZoneOffset.UTC));
    }

    // ---------------------------------------------------------------- settings, targets, policy

    @Test
    void settingsUseTheDefaultEndpointsExceptAFixedRdapServer() {
        AuditorSettings s = DemoWorld.settings(HttpSettings.defaults());
        Endpoints defaults = Endpoints.defaults();

        assertThat(s.endpoints().githubApi()).isEqualTo(defaults.githubApi());
        assertThat(s.endpoints().npmRegistry()).isEqualTo(defaults.npmRegistry());
        assertThat(s.endpoints().pypi()).isEqualTo(defaults.pypi());
        assertThat(s.endpoints().hibp()).isEqualTo(defaults.hibp());
        assertThat(s.endpoints().rdap()).contains(DemoWorld.RDAP_SERVER);
        assertThat(DemoWorld.RDAP_SERVER.host()).endsWith(".invalid");
        assertThat(RouteTable.bundled().host(DemoWorld.RDAP_SERVER.host())).isPresent();
    }

    @Test
    void settingsCarrySyntheticTokensOfTheRightShapeAndNoHibpKey() {
        AuditorSettings s = DemoWorld.settings(HttpSettings.defaults());
        String github = s.credentials().github().orElseThrow().reveal();
        String npm = s.credentials().npm().orElseThrow().reveal();

        assertThat(GitHubTokenKind.of(github)).isEqualTo(GitHubTokenKind.CLASSIC_PAT);
        assertThat(github).hasSize(40).startsWith("ghp_DEMO");
        assertThat(npm).hasSize(40).startsWith("npm_DEMO");
        assertThat(s.credentials().hibp()).as("the breach check is UNKNOWN in the demo").isEmpty();
        assertThat(s.credentials().toString()).doesNotContain("DEMO");
        assertThat(s.credentials().pypi().orElseThrow().reveal()).startsWith("pypi-AgEIcHlwaS5vcmc");
    }

    @Test
    void thePyPITokenIsAnObviouslyFakeAccountWideTokenDecodedOffline() throws Exception {
        PyPITokenInfo info = PyPITokenDecoder.decode(DemoWorld.settings(HttpSettings.defaults()).credentials().pypi().orElseThrow().reveal());

        assertThat(info.scope()).as("pypi.token-scope FAIL").isEqualTo(PyPITokenInfo.Scope.ACCOUNT);
        assertThat(info.format()).isEqualTo(PyPITokenInfo.Format.LEGACY);
        assertThat(info.expiresAt()).isEmpty();
        assertThat(info.unrecognisedCaveats()).isZero();
    }

    @ParameterizedTest
    @MethodSource("clocks")
    void npmTokensGiveOneFailingWriteTokenAndOneSoundReadOnlyToken(Clock clock) {
        Instant now = clock.instant();
        JsonNode tokens = new OfflineClient(clock).get("https://registry.npmjs.org/-/npm/v1/tokens").json();
        Map<String, String> verdicts = new TreeMap<>();
        for (JsonNode t : tokens.get("objects")) {
            boolean write = !t.get("readonly").asBoolean();
            boolean noExpiry = t.get("expiry").isNull();
            boolean longLived = !noExpiry && Instant.parse(t.get("expiry").asText()).isAfter(now.plus(Duration.ofDays(90)));
            boolean anyNetwork = !t.get("cidr_whitelist").isArray() || t.get("cidr_whitelist").isEmpty();
            boolean stale = Instant.parse(t.get("accessed").asText()).isBefore(now.minus(Duration.ofDays(90)));
            String verdict = write && (noExpiry || t.get("bypass_2fa").asBoolean()) ? "FAIL"
                    : write && (longLived || anyNetwork) || stale ? "WARN" : "PASS";
            verdicts.put(t.get("key").asText().substring(0, 6), verdict);
        }

        assertThat(verdicts).containsOnly(entry("3f9c2a", "FAIL"), entry("b21e7c", "PASS"));
        assertThat(tokens.get("total").asInt()).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("clocks")
    void publishAnomaliesAreOnlyWherePlanted(Clock clock) {
        World w = new World(clock);
        Map<String, String> anomalies = new TreeMap<>();
        Policy policy = DemoWorld.policy();
        for (String name : DemoWorld.targets().npmPackages()) {
            JsonNode p = w.packument(name);
            List<JsonNode> versions = w.versionsByTime(p);
            Set<String> roster = policy.rosterFor("npm:" + name).orElseThrow();
            List<String> found = new ArrayList<>();
            boolean attestedBefore = false;
            for (int i = 0; i < versions.size(); i++) {
                JsonNode v = versions.get(i);
                String version = v.get("version").asText();
                boolean trusted = v.at("/_npmUser/trustedPublisher").isObject();
                if (!trusted && !roster.contains(v.at("/_npmUser/name").asText())) {
                    found.add(version + " publisher");
                }
                if (attestedBefore && !hasProvenance(v)) {
                    found.add(version + " provenance");
                }
                attestedBefore |= hasProvenance(v);
                if (i > 0 && !installScripts(v).isEmpty() && installScripts(versions.get(i - 1)).isEmpty()) {
                    found.add(version + " install script");
                }
                if (i > 0 && Duration.between(w.publishedAt(p, versions.get(i - 1)), w.publishedAt(p, v)).compareTo(YEAR) > 0) {
                    found.add(version + " dormant");
                }
            }
            anomalies.put("npm:" + name, String.join(", ", found));
        }
        for (String name : DemoWorld.targets().pypiProjects()) {
            List<JsonNode> releases = new ArrayList<>();
            w.pypi(name).get("releases").forEach(releases::add);
            releases.sort((a, b) -> a.get(0).get("upload_time_iso_8601").asText().compareTo(b.get(0).get("upload_time_iso_8601").asText()));
            List<String> found = new ArrayList<>();
            Set<String> pthBefore = null;
            for (int i = 0; i < releases.size(); i++) {
                Instant at = Instant.parse(releases.get(i).get(0).get("upload_time_iso_8601").asText());
                if (i > 0 && Duration.between(Instant.parse(releases.get(i - 1).get(0).get("upload_time_iso_8601").asText()), at)
                        .compareTo(YEAR) > 0) {
                    found.add("dormant");
                }
                if (i >= releases.size() - 3) {
                    String wheel = "";
                    for (JsonNode f : releases.get(i)) {
                        wheel = f.get("filename").asText().endsWith(".whl") ? f.get("url").asText() : wheel;
                    }
                    Set<String> pth = pthFiles(w.client.bytes(wheel));
                    if (pthBefore != null && !pthBefore.containsAll(pth)) {
                        found.add("pth");
                    }
                    pthBefore = pth;
                }
            }
            anomalies.put("pypi:" + name, String.join(", ", found));
        }

        assertThat(anomalies).containsOnly(
                entry("npm:inkwell-parser", ""),
                entry("npm:@inkwell/cli", "2.4.0 publisher, 2.4.0 provenance, 2.4.0 install script"),
                entry("npm:inkwell-colors", ""),
                entry("pypi:inkwell", ""),
                entry("pypi:inkwell-lint", "dormant, pth"));
    }

    @Test
    void settingsDisableCacheAndRetriesKeepTheOtherLimitsAndMarkTheDemo() {
        HttpSettings given = HttpSettings.defaults().withCacheDir(Path.of("/tmp/cache")).withMaxResponseBytes(1234567);
        Clock clock = DemoTransportTest.CLOCK;
        AuditorSettings s = DemoWorld.settings(given, clock);

        assertThat(s.http().cacheDir()).isEmpty();
        assertThat(s.http().maxRetries()).isZero();
        assertThat(s.http().maxResponseBytes()).isEqualTo(1234567);
        assertThat(s.http().userAgent()).isEqualTo(given.userAgent());
        assertThat(s.demo()).isTrue();
        assertThat(s.clock()).isSameAs(clock);
        assertThat(s.transports()).singleElement().isInstanceOf(DemoTransport.class);
        assertThat(DemoWorld.settings(given).clock().instant()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void targetsNameTheMaintainerHerOrgPackagesAndAddress() {
        AuditTargets t = DemoWorld.targets();

        assertThat(t.githubUsers()).containsExactly("quill-dev");
        assertThat(t.githubOrgs()).containsExactly("inkwell-tools");
        assertThat(t.npmUsers()).containsExactly("quill-dev");
        assertThat(t.npmPackages()).containsExactly("inkwell-parser", "@inkwell/cli", "inkwell-colors");
        assertThat(t.pypiProjects()).containsExactly("inkwell", "inkwell-lint");
        assertThat(t.emails()).containsExactly("robin@quillmere.dev");
        assertThat(t.workstation()).isTrue();
    }

    @Test
    void thePolicyHasARosterForEveryAuditedPackage() {
        Policy p = DemoWorld.policy();
        AuditTargets t = DemoWorld.targets();

        t.npmPackages().forEach(n -> assertThat(p.rosterFor("npm:" + n)).as(n).isPresent());
        t.pypiProjects().forEach(n -> assertThat(p.rosterFor("pypi:" + n)).as(n).isPresent());
        assertThat(p.rosters()).hasSize(t.npmPackages().size() + t.pypiProjects().size());
    }

    // ---------------------------------------------------------------- designed verdicts

    @ParameterizedTest
    @MethodSource("clocks")
    void githubAccountHas2faAndTheTokenIsBroadAndNeverExpires(Clock clock) {
        OfflineClient.Answer user = new OfflineClient(clock).get("https://api.github.com/user");
        JsonNode publicView = new OfflineClient(clock).get("https://api.github.com/users/quill-dev").json();

        assertThat(user.json().get("two_factor_authentication").asBoolean()).isTrue();
        assertThat(user.header("X-OAuth-Scopes").split(",\\s*"))
                .as("a classic token only sees private profile fields with the user scope")
                .containsExactlyInAnyOrder("repo", "delete_repo", "admin:org", "user");
        assertThat(user.header("github-authentication-token-expiration")).as("absent = no expiry").isNull();
        assertThat(publicView.has("two_factor_authentication")).as("only GET /user shows it").isFalse();
        assertThat(publicView.get("login").asText()).isEqualTo("quill-dev");
    }

    @Test
    void npm2faProtectsLoginOnly() {
        JsonNode profile = new OfflineClient(DemoTransportTest.CLOCK).get("https://registry.npmjs.org/-/npm/v1/user").json();

        assertThat(profile.at("/tfa/mode").asText()).isEqualTo("auth-only");
        assertThat(profile.at("/tfa/pending").asBoolean()).isFalse();
        assertThat(profile.get("name").asText()).isEqualTo("quill-dev");
    }

    @ParameterizedTest
    @MethodSource("clocks")
    void publisherRostersGiveOnePassOneWarnAndOneFailPerRegistry(Clock clock) {
        World w = new World(clock);
        Policy policy = DemoWorld.policy();
        Map<String, String> verdicts = new TreeMap<>();
        for (String name : DemoWorld.targets().npmPackages()) {
            List<String> publishers = names(w.packument(name).get("maintainers"), "name");
            verdicts.put("npm:" + name, rosterVerdict(publishers, policy.rosterFor("npm:" + name).orElseThrow()));
        }
        for (String name : DemoWorld.targets().pypiProjects()) {
            List<String> publishers = names(w.pypi(name).at("/ownership/roles"), "user");
            verdicts.put("pypi:" + name, rosterVerdict(publishers, policy.rosterFor("pypi:" + name).orElseThrow()));
        }

        assertThat(verdicts).containsOnly(
                entry("npm:inkwell-parser", "PASS"),
                entry("npm:@inkwell/cli", "FAIL"),
                entry("npm:inkwell-colors", "WARN"),
                entry("pypi:inkwell", "PASS"),
                entry("pypi:inkwell-lint", "WARN"));
    }

    @ParameterizedTest
    @MethodSource("clocks")
    void onlyTheFormerCoMaintainerIsIdleForOverAYear(Clock clock) {
        World w = new World(clock);
        Instant now = clock.instant();
        Map<String, Instant> lastPublish = new TreeMap<>();
        for (String name : DemoWorld.targets().npmPackages()) {
            JsonNode p = w.packument(name);
            p.get("versions").forEach(v -> lastPublish.merge(v.at("/_npmUser/name").asText(),
                    Instant.parse(p.at("/time/" + v.get("version").asText()).asText()),
                    (a, b) -> a.isAfter(b) ? a : b));
        }
        Set<String> maintainers = new TreeSet<>();
        DemoWorld.targets().npmPackages().forEach(n -> maintainers.addAll(names(w.packument(n).get("maintainers"), "name")));

        Set<String> idle = new TreeSet<>();
        maintainers.forEach(m -> {
            if (lastPublish.get(m).isBefore(now.minus(YEAR))) {
                idle.add(m);
            }
        });
        assertThat(idle).containsExactly("mfenn");
    }

    @ParameterizedTest
    @MethodSource("clocks")
    void provenanceIsKeptLostOrNeverHad(Clock clock) {
        World w = new World(clock);
        Instant yearAgo = clock.instant().minus(YEAR);
        Map<String, String> verdicts = new TreeMap<>();
        for (String name : DemoWorld.targets().npmPackages()) {
            JsonNode p = w.packument(name);
            List<JsonNode> versions = w.versionsByTime(p);
            JsonNode latest = p.at("/versions/" + p.at("/dist-tags/latest").asText());
            boolean latestHas = hasProvenance(latest);
            boolean earlierHad = versions.subList(0, versions.size() - 1).stream().anyMatch(DemoWorldTest::hasProvenance);
            boolean allRecentHave = versions.stream()
                    .filter(v -> w.publishedAt(p, v).isAfter(yearAgo))
                    .allMatch(DemoWorldTest::hasProvenance);
            verdicts.put("npm:" + name, !latestHas && earlierHad ? "FAIL" : latestHas && allRecentHave ? "PASS" : "WARN");
        }
        for (String name : DemoWorld.targets().pypiProjects()) {
            JsonNode project = w.pypi(name);
            String version = project.at("/info/version").asText();
            boolean all = true;
            for (JsonNode file : project.get("urls")) {
                OfflineClient.Answer a = w.client.get("https://pypi.org/integrity/" + name + "/" + version + "/"
                        + file.get("filename").asText() + "/provenance");
                all &= a.status() == 200;
            }
            verdicts.put("pypi:" + name, all ? "PASS" : "WARN");
        }

        assertThat(verdicts).containsOnly(
                entry("npm:inkwell-parser", "PASS"),
                entry("npm:@inkwell/cli", "FAIL"),
                entry("npm:inkwell-colors", "WARN"),
                entry("pypi:inkwell", "PASS"),
                entry("pypi:inkwell-lint", "WARN"));
    }

    @ParameterizedTest
    @MethodSource("clocks")
    void latestArtifactsMatchTheirDigestsAndOnlyTheHandPublishedReleasesLeak(Clock clock) throws Exception {
        World w = new World(clock);
        Map<String, String> verdicts = new TreeMap<>();
        for (String name : DemoWorld.targets().npmPackages()) {
            JsonNode p = w.packument(name);
            List<JsonNode> versions = w.versionsByTime(p);
            boolean leaks = false;
            for (JsonNode v : versions.subList(Math.max(0, versions.size() - 3), versions.size())) {
                OfflineClient.Answer a = w.client.get(v.at("/dist/tarball").asText());
                assertThat(a.status()).as(v.at("/dist/tarball").asText()).isEqualTo(200);
                String sri = "sha512-" + java.util.Base64.getEncoder().encodeToString(
                        java.security.MessageDigest.getInstance("SHA-512").digest(a.bytes()));
                assertThat(v.at("/dist/integrity").asText()).as(name + " " + v.get("version")).isEqualTo(sri);
                var r = dev.hardening.auditor.core.scan.ArtifactScanner.standard()
                        .scanArchive("x.tgz", new java.io.ByteArrayInputStream(a.bytes()));
                leaks |= !r.secrets().isEmpty() || !r.sensitiveFiles().isEmpty();
            }
            verdicts.put("npm:" + name, leaks ? "FAIL" : "PASS");
        }
        for (String name : DemoWorld.targets().pypiProjects()) {
            JsonNode project = w.pypi(name);
            List<String> releases = new ArrayList<>();
            project.get("releases").fieldNames().forEachRemaining(releases::add);
            boolean leaks = false;
            for (String version : releases.subList(releases.size() - 3, releases.size())) {
                for (JsonNode file : project.at("/releases/" + version)) {
                    OfflineClient.Answer a = w.client.get(file.get("url").asText());
                    assertThat(a.status()).as(file.get("url").asText()).isEqualTo(200);
                    assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(a.bytes()))).isEqualTo(file.at("/digests/sha256").asText());
                    var r = dev.hardening.auditor.core.scan.ArtifactScanner.standard().scanArchive(
                            file.get("filename").asText(), new java.io.ByteArrayInputStream(a.bytes()));
                    leaks |= !r.secrets().isEmpty() || !r.sensitiveFiles().isEmpty();
                }
            }
            verdicts.put("pypi:" + name, leaks ? "FAIL" : "PASS");
        }

        assertThat(verdicts).containsOnly(
                entry("npm:inkwell-parser", "PASS"),
                entry("npm:@inkwell/cli", "FAIL"),
                entry("npm:inkwell-colors", "PASS"),
                entry("pypi:inkwell", "PASS"),
                // 0.4.1's wheel ships inkwell_lint.pth, which Python runs at every start (a sensitive file).
                entry("pypi:inkwell-lint", "FAIL"));
    }

    @Test
    void theLatestCliReleaseNewlyAddsAPostinstallScript() {
        World w = new World(DemoTransportTest.CLOCK);
        JsonNode p = w.packument("@inkwell/cli");
        List<JsonNode> versions = w.versionsByTime(p);
        JsonNode latest = versions.get(versions.size() - 1);

        assertThat(latest.get("version").asText()).isEqualTo(p.at("/dist-tags/latest").asText()).isEqualTo("2.4.0");
        assertThat(latest.at("/scripts/postinstall").asText()).isNotBlank();
        assertThat(latest.at("/_npmUser/name").asText()).isEqualTo("dex-holloway");
        versions.subList(0, versions.size() - 1).forEach(v -> assertThat(installScripts(v)).as(v.get("version").asText()).isEmpty());
        for (String other : List.of("inkwell-parser", "inkwell-colors")) {
            w.packument(other).get("versions").forEach(v -> assertThat(installScripts(v)).isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("clocks")
    void everyAddressInTheWorldHasAnRdapAnswerGivingTheDesignedVerdict(Clock clock) {
        World w = new World(clock);
        Instant now = clock.instant();
        Set<String> domains = new TreeSet<>();
        w.addresses().forEach(a -> domains.add(a.substring(a.indexOf('@') + 1).toLowerCase()));
        Set<String> routed = new HashSet<>();
        RouteTable.bundled().routes().stream().filter(r -> r.host().equals(DemoWorld.RDAP_SERVER.host()))
                .forEach(r -> routed.add(r.path().substring("/domain/".length())));

        Map<String, String> verdicts = new TreeMap<>();
        for (String domain : domains) {
            assertThat(routed).as("an explicit RDAP answer for " + domain).contains(domain);
            if (LARGE_PROVIDERS.contains(domain)) {
                verdicts.put(domain, "skipped");
                continue;
            }
            OfflineClient.Answer a = w.client.get(DemoWorld.RDAP_SERVER.resolve("domain/" + domain));
            verdicts.put(domain, domainVerdict(a, now));
        }

        assertThat(verdicts).containsOnly(
                entry("quillmere.dev", "PASS"),
                entry("inkwellparse.org", "WARN"),
                entry("fennmarlow.net", "FAIL"),
                entry("quillhaven-mail.com", "FAIL"),
                entry("inkoustovna.cz", "UNKNOWN"),
                entry("github.com", "PASS"),
                entry("gmail.com", "skipped"));
        assertThat(w.client.get(DemoWorld.RDAP_SERVER.resolve("domain/quillhaven-mail.com")).status())
                .as("unregistered, not merely unknown to the world").isEqualTo(404);
    }

    // ---------------------------------------------------------------- coherence

    @ParameterizedTest
    @MethodSource("clocks")
    void packumentsAreInternallyConsistentAndInThePast(Clock clock) {
        World w = new World(clock);
        for (String name : DemoWorld.targets().npmPackages()) {
            JsonNode p = w.packument(name);
            Set<String> versions = new TreeSet<>();
            p.get("versions").fieldNames().forEachRemaining(versions::add);
            Set<String> times = new TreeSet<>();
            p.get("time").fieldNames().forEachRemaining(times::add);
            Instant created = Instant.parse(p.at("/time/created").asText());
            Instant modified = Instant.parse(p.at("/time/modified").asText());
            List<JsonNode> byTime = w.versionsByTime(p);

            assertThat(p.get("_id").asText()).isEqualTo(name).isEqualTo(p.get("name").asText());
            assertThat(versions).hasSizeBetween(6, 20);
            Set<String> expectedTimes = new TreeSet<>(versions);
            expectedTimes.addAll(List.of("created", "modified"));
            assertThat(times).isEqualTo(expectedTimes);
            assertThat(modified).isBeforeOrEqualTo(clock.instant());
            assertThat(byTime.get(byTime.size() - 1).get("version").asText())
                    .as("latest is the newest release").isEqualTo(p.at("/dist-tags/latest").asText());
            for (JsonNode v : byTime) {
                String version = v.get("version").asText();
                Instant at = w.publishedAt(p, v);
                assertThat(at).isAfter(created).isBefore(modified);
                assertThat(v.get("_id").asText()).isEqualTo(name + "@" + version);
                assertThat(v.get("name").asText()).isEqualTo(name);
                assertThat(v.at("/dist/tarball").asText())
                        .startsWith("https://registry.npmjs.org/" + name + "/-/").endsWith("-" + version + ".tgz");
                assertThat(v.at("/dist/integrity").asText()).matches("sha512-[A-Za-z0-9+/]{86}==");
                assertThat(v.at("/dist/shasum").asText()).matches("[0-9a-f]{40}");
                assertThat(v.at("/repository/url").asText()).startsWith("git+https://github.com/inkwell-tools/");
                assertThat(v.at("/_npmOperationalInternal/tmp").asText()).contains("_" + at.toEpochMilli() + "_");
                if (v.at("/dist/attestations").isObject()) {
                    assertThat(v.at("/dist/attestations/url").asText())
                            .isEqualTo("https://registry.npmjs.org/-/npm/v1/attestations/"
                                    + name.replace("/", "%2f") + "@" + version);
                }
                names(v.get("maintainers"), "name").forEach(m -> assertThat(names(p.get("maintainers"), "name"))
                        .as("a past maintainer of " + name + " is still one").contains(m));
            }
        }
    }

    @Test
    void theSearchListsExactlyTheMaintainersPackagesAsTheirPackumentsDo() {
        World w = new World(DemoTransportTest.CLOCK);
        JsonNode search = w.client.get("https://registry.npmjs.org/-/v1/search?text=maintainer:quill-dev&size=250").json();

        List<String> found = new ArrayList<>();
        for (JsonNode o : search.get("objects")) {
            String name = o.at("/package/name").asText();
            JsonNode p = w.packument(name);
            found.add(name);
            assertThat(o.at("/package/version").asText()).isEqualTo(p.at("/dist-tags/latest").asText());
            assertThat(names(o.at("/package/maintainers"), "username")).isEqualTo(names(p.get("maintainers"), "name"));
            assertThat(o.at("/package/date").asText()).isEqualTo(p.at("/time/" + p.at("/dist-tags/latest").asText()).asText());
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(DemoWorld.targets().npmPackages());
        assertThat(search.get("total").asInt()).isEqualTo(found.size());
    }

    @ParameterizedTest
    @MethodSource("clocks")
    void pypiProjectsAreConsistentAndTheirAttestationsNameTheirFiles(Clock clock) throws Exception {
        World w = new World(clock);
        for (String name : DemoWorld.targets().pypiProjects()) {
            JsonNode project = w.pypi(name);
            String latest = project.at("/info/version").asText();
            assertThat(project.at("/info/name").asText()).isEqualTo(name);
            assertThat(project.get("urls")).isEqualTo(project.at("/releases/" + latest));
            assertThat(project.at("/info/release_url").asText()).endsWith("/" + latest + "/");
            project.get("releases").forEach(files -> {
                Set<String> kinds = new TreeSet<>();
                files.forEach(f -> {
                    kinds.add(f.get("packagetype").asText());
                    assertThat(f.at("/digests/sha256").asText()).matches("[0-9a-f]{64}");
                    assertThat(f.get("url").asText()).endsWith("/" + f.get("filename").asText());
                    assertThat(Instant.parse(f.get("upload_time_iso_8601").asText())).isBefore(clock.instant());
                    assertThat(f.get("upload_time_iso_8601").asText()).startsWith(f.get("upload_time").asText());
                });
                assertThat(kinds).containsExactly("bdist_wheel", "sdist");
            });
        }
        for (RouteTable.Route r : RouteTable.bundled().routes()) {
            if (!r.path().startsWith("/integrity/") || r.status() != 200) {
                continue;
            }
            List<String> seg = RouteTable.segments(r.path());
            JsonNode file = findFile(w.pypi(seg.get(1)), seg.get(2), seg.get(3));
            JsonNode bundle = w.client.get(DemoTransportTest.sampleUrl(r)).json().at("/attestation_bundles/0");
            JsonNode statement = OfflineClient.JSON.readTree(new String(Base64.getDecoder().decode(
                    bundle.at("/attestations/0/envelope/statement").asText()), StandardCharsets.UTF_8));
            assertThat(statement.at("/subject/0/name").asText()).isEqualTo(seg.get(3));
            assertThat(statement.at("/subject/0/digest/sha256").asText()).isEqualTo(file.at("/digests/sha256").asText());
            long integrated = Long.parseLong(bundle.at("/attestations/0/verification_material/transparency_entries/0/integratedTime").asText());
            assertThat(Instant.ofEpochSecond(integrated)).isEqualTo(
                    Instant.parse(file.get("upload_time_iso_8601").asText()).truncatedTo(ChronoUnit.SECONDS));
        }
    }

    // ---------------------------------------------------------------- rules and helpers

    /** publishers.roster: outside the roster FAIL, a single publisher WARN, else PASS. */
    private static String rosterVerdict(List<String> publishers, Set<String> roster) {
        if (!roster.containsAll(publishers)) {
            return "FAIL";
        }
        return publishers.size() == 1 ? "WARN" : "PASS";
    }

    /** email.domain-expiry: unregistered or expired FAIL, within 30 days WARN, no expiration UNKNOWN. */
    private static String domainVerdict(OfflineClient.Answer rdap, Instant now) {
        if (rdap.status() == 404) {
            return "FAIL";
        }
        Optional<Instant> expires = Optional.empty();
        for (JsonNode e : rdap.json().get("events")) {
            if (e.get("eventAction").asText().equals("expiration")) {
                expires = Optional.of(Instant.parse(e.get("eventDate").asText()));
            }
        }
        if (expires.isEmpty()) {
            return "UNKNOWN";
        }
        if (expires.get().isBefore(now)) {
            return "FAIL";
        }
        return expires.get().isBefore(now.plus(Duration.ofDays(30))) ? "WARN" : "PASS";
    }

    /** The top-level .pth files of a wheel. */
    private static Set<String> pthFiles(byte[] wheel) {
        Set<String> out = new TreeSet<>();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(wheel))) {
            for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.getName().contains("/") && e.getName().endsWith(".pth")) {
                    out.add(e.getName());
                }
            }
        } catch (java.io.IOException e) {
            throw new AssertionError("not a wheel", e);
        }
        return out;
    }

    private static boolean hasProvenance(JsonNode version) {
        return version.at("/dist/attestations").isObject() || version.at("/_npmUser/trustedPublisher").isObject();
    }

    private static Set<String> installScripts(JsonNode version) {
        Set<String> found = new TreeSet<>();
        for (String s : List.of("preinstall", "install", "postinstall")) {
            if (version.at("/scripts/" + s).isTextual()) {
                found.add(s);
            }
        }
        return found;
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    private static JsonNode findFile(JsonNode project, String version, String filename) {
        for (JsonNode f : project.at("/releases/" + version)) {
            if (f.get("filename").asText().equals(filename)) {
                return f;
            }
        }
        throw new AssertionError("no file " + filename + " in release " + version);
    }

    /** The world's responses at one audit clock. */
    private static final class World {
        final OfflineClient client;

        World(Clock clock) {
            this.client = new OfflineClient(clock);
        }

        JsonNode packument(String name) {
            OfflineClient.Answer a = client.get("https://registry.npmjs.org/" + name.replace("/", "%2F"));
            assertThat(a.status()).as(name).isEqualTo(200);
            return a.json();
        }

        JsonNode pypi(String project) {
            OfflineClient.Answer a = client.get("https://pypi.org/pypi/" + project + "/json");
            assertThat(a.status()).as(project).isEqualTo(200);
            return a.json();
        }

        Instant publishedAt(JsonNode packument, JsonNode version) {
            return Instant.parse(packument.at("/time/" + version.get("version").asText()).asText());
        }

        List<JsonNode> versionsByTime(JsonNode packument) {
            List<JsonNode> out = new ArrayList<>();
            packument.get("versions").forEach(out::add);
            out.sort((a, b) -> publishedAt(packument, a).compareTo(publishedAt(packument, b)));
            return out;
        }

        /** Every address the audit could collect: profiles, npm people, PyPI metadata, the targets. */
        Set<String> addresses() {
            Set<String> out = new TreeSet<>(DemoWorld.targets().emails());
            addAll(out, client.get("https://api.github.com/user").json().get("email"));
            addAll(out, client.get("https://api.github.com/users/quill-dev").json().get("email"));
            addAll(out, client.get("https://registry.npmjs.org/-/npm/v1/user").json().get("email"));
            for (String name : DemoWorld.targets().npmPackages()) {
                JsonNode p = packument(name);
                p.get("maintainers").forEach(m -> addAll(out, m.get("email")));
                p.get("versions").forEach(v -> {
                    v.get("maintainers").forEach(m -> addAll(out, m.get("email")));
                    addAll(out, v.at("/_npmUser/email"));
                    addAll(out, v.at("/author/email"));
                });
            }
            for (String name : DemoWorld.targets().pypiProjects()) {
                JsonNode info = pypi(name).get("info");
                addAll(out, info.get("author_email"));
                addAll(out, info.get("maintainer_email"));
            }
            return out;
        }

        private static void addAll(Set<String> out, JsonNode text) {
            if (text == null || !text.isTextual()) {
                return;
            }
            Matcher m = ADDRESS.matcher(text.asText());
            while (m.find()) {
                out.add(m.group().toLowerCase());
            }
        }
    }
}

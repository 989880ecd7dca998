package dev.hardening.auditor.checks.email.domainexpiry;

import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.checks.support.ReadAhead;
import dev.hardening.auditor.core.check.Check;
import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.email.EmailFacts;
import dev.hardening.auditor.core.facts.email.KnownEmail;
import dev.hardening.auditor.core.facts.email.KnownEmails;
import dev.hardening.auditor.core.facts.rdap.DomainRegistration;
import dev.hardening.auditor.core.facts.rdap.RdapFacts;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.secrets.Masking;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code email.domain-expiry}: for every domain of a known address, its registration (RDAP). Not
 * registered, expired, or in redemption / pending delete FAIL; expiring within {@value #WARN_DAYS} days
 * WARN; otherwise PASS with the expiry date. One finding per domain; large mail providers are
 * NOT_APPLICABLE. Addresses appear only masked.
 */
public final class EmailDomainExpiryCheck implements Check {
    static final int WARN_DAYS = 30;
    private static final Set<String> LAPSING_STATUSES = Set.of("redemption period", "pending delete");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    @Override
    public List<Finding> evaluate(CheckContext context) {
        Fact<KnownEmails> fact = context.facts().lookup(EmailFacts.KNOWN);
        if (fact instanceof Fact.Unavailable<KnownEmails> unavailable) {
            return List.of(context.unknown("email", unavailable.unavailability()));
        }
        KnownEmails known = ((Fact.Available<KnownEmails>) fact).value();
        List<Finding> findings = new ArrayList<>();
        known.gaps().forEach(gap -> findings.add(context.unknown("email", gap)));
        Map<String, List<KnownEmail>> byDomain = new TreeMap<>();
        for (KnownEmail email : known.emails()) {
            String domain = email.registrableDomain().isBlank() ? Masking.domainOf(email.address()) : email.registrableDomain();
            if (!domain.isBlank()) {
                byDomain.computeIfAbsent(domain.toLowerCase(Locale.ROOT), d -> new ArrayList<>()).add(email);
            }
        }
        if (byDomain.isEmpty() && findings.isEmpty()) {
            return List.of(context.notApplicable("email", "The audit found no email addresses to check; pass --email to add one."));
        }
        findings.addAll(ReadAhead.each(context, Platform.RDAP, List.copyOf(byDomain.entrySet()),
                e -> judge(context, e.getKey(), e.getValue())));
        return findings;
    }

    private static Finding judge(CheckContext context, String domain, List<KnownEmail> emails) {
        String subject = "domain:" + domain;
        List<Evidence> evidence = new ArrayList<>();
        for (KnownEmail email : emails) {
            evidence.add(Evidence.of("address", Masking.email(email.address()), "seen in " + String.join("; ", email.sources())));
        }
        String addresses = emails.size() == 1 ? "1 address" : emails.size() + " addresses";
        if (LargeMailProviders.contains(domain)) {
            return context.finding(Status.NOT_APPLICABLE, subject, domain + " belongs to a large provider and will not lapse;"
                    + " protect the mailbox itself with 2FA.", "", evidence);
        }
        Fact<DomainRegistration> fact = context.facts().lookup(RdapFacts.domain(domain));
        if (fact instanceof Fact.Unavailable<DomainRegistration> unavailable) {
            Unavailability why = unavailable.unavailability();
            String needed = why.needed().isBlank() ? "the expiry date of " + domain + " from its registrar or a WHOIS look-up" : why.needed();
            return context.unknown(subject, why.reason(), needed, evidence.toArray(Evidence[]::new));
        }
        DomainRegistration registration = ((Fact.Available<DomainRegistration>) fact).value();
        String source = "RDAP domain/" + domain + (registration.server().isBlank() ? "" : " at " + registration.server());
        if (!registration.registered()) {
            evidence.add(Evidence.of("registered", "no (the registry answered 404)", source));
            return context.fail(subject, domain + " is not registered: anyone can register it, receive the mail for " + addresses
                    + " and reset your passwords, as happened to the ctx package on PyPI in 2022.", evidence)
                    .withSeverity(Severity.CRITICAL);
        }
        registration.registeredAt().ifPresent(t -> evidence.add(Evidence.of("registration", DATE.format(t), source)));
        registration.expiresAt().ifPresent(t -> evidence.add(Evidence.of("expiration", DATE.format(t), source)));
        if (!registration.statuses().isEmpty()) {
            evidence.add(Evidence.of("status", String.join(", ", registration.statuses()), source));
        }
        List<String> lapsing = registration.statuses().stream()
                .filter(s -> LAPSING_STATUSES.contains(s.toLowerCase(Locale.ROOT))).toList();
        if (!lapsing.isEmpty()) {
            return context.fail(subject, domain + " has lapsed (" + String.join(", ", lapsing) + "): unless it is renewed now,"
                    + " anyone can soon register it and receive the mail for " + addresses + ".", evidence);
        }
        if (registration.expiresAt().isEmpty()) {
            return context.unknown(subject, "The registry of " + domain + " publishes no expiration date.",
                    "the expiry date from the domain's registrar; turn on auto-renew there", evidence.toArray(Evidence[]::new));
        }
        Instant expiresAt = registration.expiresAt().get();
        Instant now = context.now();
        if (!expiresAt.isAfter(now)) {
            return context.fail(subject, domain + " expired on " + DATE.format(expiresAt) + ": once it is released, anyone can"
                    + " register it, receive the mail for " + addresses + " and reset your passwords.", evidence);
        }
        long days = Duration.between(now, expiresAt).toDays();
        if (days < WARN_DAYS) {
            return context.warn(subject, domain + " expires in " + days + " days (" + DATE.format(expiresAt)
                    + "): renew it and turn on auto-renew.", evidence);
        }
        return context.pass(subject, domain + " is registered until " + DATE.format(expiresAt) + ".", evidence);
    }
}

package dev.hardening.auditor.core.facts.github.repo;

import java.util.Map;
import java.util.Optional;

/**
 * One active rule of {@code GET /repos/{o}/{r}/rules/branches/{branch}}.
 *
 * @param type           e.g. {@code pull_request}, {@code non_fast_forward}, {@code deletion},
 *                       {@code required_signatures}
 * @param parameters     the rule's scalar parameters (numbers and booleans as text), e.g.
 *                       {@code required_approving_review_count -> 1}
 * @param rulesetId      {@code ruleset_id}
 * @param sourceType     {@code ruleset_source_type} ({@code Repository}, {@code Organization}, ...)
 * @param source         {@code ruleset_source}
 */
public record BranchRule(String type, Map<String, String> parameters, Optional<Long> rulesetId,
                         Optional<String> sourceType, Optional<String> source) {
    public BranchRule {
        parameters = Map.copyOf(parameters);
    }

    public Optional<Integer> intParameter(String name) {
        try {
            return Optional.ofNullable(parameters.get(name)).map(Integer::parseInt);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

package io.tandem.programs;

import io.tandem.identity.OrganisationId;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A program's matching rules and minimum score: how they read, and how they change. */
@Service
public class RulesManagement {

    private final Programs programs;
    private final ProgramLookup lookup;
    private final ApplicationEventPublisher events;
    private final MessageSourceAccessor messages;

    RulesManagement(
            Programs programs,
            ProgramLookup lookup,
            ApplicationEventPublisher events,
            MessageSource messageSource) {
        this.programs = programs;
        this.lookup = lookup;
        this.events = events;
        this.messages = new MessageSourceAccessor(messageSource);
    }

    /** Plain-language statement of a rule, as the program page shows it. */
    public String describe(MatchingRule rule) {
        String condition =
                messages.getMessage(rule.statementCode(), new Object[] {rule.parameter()});
        return rule.hard()
                ? messages.getMessage("rule.hard", new Object[] {condition})
                : messages.getMessage("rule.soft", new Object[] {condition, rule.weight()});
    }

    /**
     * Sets the lowest score, as a percentage of the best score the rules can give, at which
     * matching proposes a pair.
     *
     * @throws InvalidInputException for a value outside 0–100
     * @throws io.tandem.shared.Conflict once the program is closed
     */
    @Transactional
    public ProgramView changeMinimumScore(
            OrganisationId organisation, ProgramId id, Integer minimumScore) {
        ProgramView program = lookup.get(organisation, id);
        if (minimumScore == null || minimumScore < 0 || minimumScore > 100) {
            throw InvalidInputException.unprocessable(
                    messages.getMessage("program.invalid"),
                    List.of(field("minimumScore", "program.minimum-score.invalid")));
        }
        Program.of(program).refuseMinimumScoreChange();
        programs.updateMinimumScore(organisation, id, minimumScore);
        events.publishEvent(
                new ProgramChanged(
                        organisation, id, "MINIMUM_SCORE", String.valueOf(minimumScore)));
        return lookup.get(organisation, id);
    }

    /** Replaces the rules and the minimum score together, as the rules editor saves them. */
    @Transactional
    public ProgramView changeRules(
            OrganisationId organisation,
            ProgramId id,
            List<MatchingRule> rules,
            Integer minimumScore) {
        if (minimumScore != null) {
            changeMinimumScore(organisation, id, minimumScore);
        }
        return changeRules(organisation, id, rules);
    }

    /**
     * Replaces the program's rules; refused once matching has produced pairs. The safeguards every
     * program keeps (reporting line, a shared language) stay, whatever the new rules leave out.
     */
    @Transactional
    public ProgramView changeRules(
            OrganisationId organisation, ProgramId id, List<MatchingRule> rules) {
        ProgramView program = lookup.get(organisation, id);
        Program.of(program).refuseRuleChange();
        List<InputError> errors = ruleErrors(rules);
        if (!errors.isEmpty()) {
            throw InvalidInputException.unprocessable(
                    messages.getMessage("program.invalid"), errors);
        }
        programs.replaceRules(organisation, id, MatchingRule.withSafeguards(rules));
        events.publishEvent(new ProgramChanged(organisation, id, "RULES", null));
        return lookup.get(organisation, id);
    }

    List<InputError> ruleErrors(List<MatchingRule> rules) {
        List<InputError> errors = new ArrayList<>();
        if (rules.size() > 30) {
            errors.add(field("rules", "rule.invalid.too-many"));
        }
        for (int i = 0; i < rules.size(); i++) {
            String problem = rules.get(i) == null ? "rule.invalid.missing" : rules.get(i).problem();
            if (problem != null) {
                errors.add(field("rules[" + i + "]", problem));
            }
        }
        return errors;
    }

    private InputError field(String field, String code, Object... args) {
        return InputError.field(field, messages.getMessage(code, args));
    }
}

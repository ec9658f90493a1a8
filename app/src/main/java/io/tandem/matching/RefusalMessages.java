package io.tandem.matching;

import io.tandem.matching.ScoredProgram.Refusal;
import io.tandem.programs.RulesManagement;
import io.tandem.shared.InputError;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Component;

/** Says in the user's words why a pair is refused, the same for every way of matching. */
@Component
class RefusalMessages {

    private final RulesManagement programRules;
    private final MessageSourceAccessor messages;

    RefusalMessages(RulesManagement programRules, MessageSource messageSource) {
        this.programRules = programRules;
        this.messages = new MessageSourceAccessor(messageSource);
    }

    /** One error on {@code field} per refusal. */
    List<InputError> errors(String field, List<Refusal> refusals) {
        return refusals.stream().map(r -> InputError.field(field, text(r))).toList();
    }

    private String text(Refusal refusal) {
        if (refusal instanceof Refusal.BelowMinimum b) {
            return messages.getMessage(
                    "match.below-minimum",
                    new Object[] {b.score(), b.maxPoints(), b.minimumPoints(), b.minimumPercent()});
        }
        if (refusal instanceof Refusal.EngineRule e) {
            return messages.getMessage("hard-rule." + e.rule().name());
        }
        if (refusal instanceof Refusal.ProgramRule p) {
            return programRules.describe(p.rule());
        }
        return messages.getMessage("hard-rule.EXCLUDED_PAIR");
    }
}

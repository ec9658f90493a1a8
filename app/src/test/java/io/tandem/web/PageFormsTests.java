package io.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.shared.Conflict;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.transaction.support.TransactionTemplate;

/** What a page shows of a module's refusal: codes resolved once, here, and nothing lost. */
class PageFormsTests {

    private final PageForms forms = new PageForms(new TransactionTemplate(), messages());

    private static StaticMessageSource messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("request.invalid", Locale.ENGLISH, "Some values are not right.");
        messages.addMessage("goal.title.missing", Locale.ENGLISH, "Name the goal.");
        messages.addMessage("pair.over", Locale.ENGLISH, "This mentorship has ended.");
        messages.addMessage("workspace.ended", Locale.ENGLISH, "Ended meanwhile.");
        return messages;
    }

    @Test
    void aFieldsCodeBecomesItsTextAndTextPassesThroughUnchanged() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        var outcome =
                forms.attempt(
                        () -> {
                            throw InvalidInputException.unprocessable(
                                    "request.invalid",
                                    List.of(
                                            InputError.field("title", "goal.title.missing"),
                                            InputError.field("measure", "Say how to measure it.")));
                        });

        assertThat(outcome.refused()).isTrue();
        assertThat(outcome.errors())
                .containsEntry("title", "Name the goal.")
                .containsEntry("measure", "Say how to measure it.");
        assertThat(outcome.heading()).isEqualTo("Some values are not right.");
        assertThat(outcome.status()).isEqualTo(422);
    }

    @Test
    void aRefusalOfTheWholeActionIsSaidAboveThePage() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        var outcome =
                forms.attempt(
                        () -> {
                            throw InvalidInputException.unprocessable(
                                    "request.invalid",
                                    List.of(new InputError(null, null, null, "pair.over")));
                        });

        assertThat(outcome.errors()).isEmpty();
        assertThat(outcome.said()).isEqualTo("This mentorship has ended.");
        assertThat(outcome.reasons()).containsExactly("This mentorship has ended.");
    }

    @Test
    void aRefusalWithNoReasonOfItsOwnIsSaidByItsHeading() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        var outcome =
                forms.attempt(
                        () -> {
                            throw InvalidInputException.unprocessable("request.invalid", List.of());
                        });

        assertThat(outcome.said()).isEqualTo("Some values are not right.");
    }

    @Test
    void aClashIsShownInPlaceAs409WithItsText() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        var outcome =
                forms.attemptShowingClash(
                        () -> {
                            throw new Conflict("workspace.ended");
                        });

        assertThat(outcome.refused()).isTrue();
        assertThat(outcome.status()).isEqualTo(409);
        assertThat(outcome.said()).isEqualTo("Ended meanwhile.");
        assertThat(outcome.errors()).isEmpty();
    }

    @Test
    void anActionTheModuleTakesAnswersItsValue() {
        var outcome = forms.attempt(() -> 42);

        assertThat(outcome.refused()).isFalse();
        assertThat(outcome.value()).isEqualTo(42);
    }
}

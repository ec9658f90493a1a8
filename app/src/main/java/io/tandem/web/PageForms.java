package io.tandem.web;

import io.tandem.shared.Conflict;
import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import io.tandem.shared.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Hands a page form to its module so that the person sees every problem at once: the form record's
 * own refusals ({@code @Valid} sizes, a word where a number or date belongs) and the module's
 * naming of other fields. When the form record is refused, the module's action still runs, only to
 * name its problems, inside a transaction that is rolled back: nothing is written and no event
 * leaves it. A value that did not convert is named by the form (the module saw nothing there); a
 * size, by the module where it checks one, else by the record's {@code @Size}.
 */
@Component
public class PageForms {

    private final TransactionTemplate transactions;
    private final MessageSource messages;

    PageForms(TransactionTemplate transactions, MessageSource messages) {
        this.transactions = transactions;
        this.messages = messages;
    }

    /**
     * Runs the action when the form bound cleanly; otherwise refuses with the form's errors and the
     * module's, writing nothing.
     *
     * @throws InvalidInputException (422) with every field's first problem
     */
    public <T> T submit(BindingResult binding, Supplier<T> action) {
        return submit(binding, Map.of(), action);
    }

    /**
     * As {@link #submit(BindingResult, Supplier)}, with refusals the page found itself (field to
     * message), such as two passwords that differ; they come first.
     */
    public <T> T submit(BindingResult binding, Map<String, String> pageErrors, Supplier<T> action) {
        if (!binding.hasErrors() && pageErrors.isEmpty()) {
            return action.get();
        }
        List<InputError> found = new ArrayList<>();
        Set<String> named = new HashSet<>();
        pageErrors.forEach(
                (field, message) -> {
                    if (named.add(field)) {
                        found.add(InputError.field(field, message));
                    }
                });
        // A value that did not convert reached the module as nothing: the form's word comes first.
        for (FieldError error : binding.getFieldErrors()) {
            if (error.isBindingFailure() && named.add(error.getField())) {
                found.add(text(error));
            }
        }
        for (InputError error : moduleRefusals(action)) {
            if (error.field() == null || named.add(error.field())) {
                found.add(error);
            }
        }
        // The module words a size its own way where it checks one; the record's @Size fills in.
        for (FieldError error : binding.getFieldErrors()) {
            if (named.add(error.getField())) {
                found.add(text(error));
            }
        }
        throw InvalidInputException.unprocessable("request.invalid", found);
    }

    /**
     * What the module refuses in the action, run only to hear it, in a transaction rolled back:
     * nothing is written and no event leaves it.
     */
    private List<InputError> moduleRefusals(Supplier<?> action) {
        try {
            transactions.executeWithoutResult(
                    status -> {
                        status.setRollbackOnly();
                        action.get();
                    });
        } catch (InvalidInputException moduleRefused) {
            return moduleRefused.errors();
        } catch (io.tandem.shared.NotFound hidden) {
            // Whoever may not see the thing gets the same 404 whatever they typed.
            throw hidden;
        } catch (RuntimeException notAboutTheFields) {
            // A clash or a value the database would refuse waits until the form is corrected;
            // the values the form refused may be what caused it.
        }
        return List.of();
    }

    /**
     * Hands the form to its module as {@link #submit(BindingResult, Supplier)} does, and answers
     * what became of it instead of throwing, so a page handler reads as "if refused, show the form
     * again with its errors". A clash (a {@link Conflict}: changed meanwhile, ended already) is not
     * the form's: it goes where the handler's {@link ConflictReturnsTo} says, or to the error page;
     * see {@link #attemptShowingClash} for a form that shows it in place.
     */
    public <T> Outcome<T> attempt(BindingResult binding, Supplier<T> action) {
        return attempt(binding, Map.of(), action);
    }

    /** As {@link #attempt(BindingResult, Supplier)}, with refusals the page found itself. */
    public <T> Outcome<T> attempt(
            BindingResult binding, Map<String, String> pageErrors, Supplier<T> action) {
        return outcome(() -> submit(binding, pageErrors, action));
    }

    /** {@link #attempt(BindingResult, Supplier)} for an action that answers nothing. */
    public Outcome<Void> attempt(BindingResult binding, Runnable action) {
        return attempt(binding, asSupplier(action));
    }

    /**
     * As {@link #attempt(BindingResult, Map, Supplier)}, for a form that shows a clash above what
     * was typed (full, overlapping, changed by the partner meanwhile), answering 409.
     */
    public <T> Outcome<T> attemptShowingClash(
            BindingResult binding, Map<String, String> pageErrors, Supplier<T> action) {
        try {
            return attempt(binding, pageErrors, action);
        } catch (Conflict clash) {
            return Outcome.clash(problem(clash));
        }
    }

    /** {@link #attemptShowingClash} without refusals of the page's own. */
    public <T> Outcome<T> attemptShowingClash(BindingResult binding, Supplier<T> action) {
        return attemptShowingClash(binding, Map.of(), action);
    }

    /** {@link #attemptShowingClash(BindingResult, Supplier)} for an action that answers nothing. */
    public Outcome<Void> attemptShowingClash(BindingResult binding, Runnable action) {
        return attemptShowingClash(binding, asSupplier(action));
    }

    /** {@link #attemptShowingClash(Supplier)} for an action that answers nothing. */
    public Outcome<Void> attemptShowingClash(Runnable action) {
        return attemptShowingClash(asSupplier(action));
    }

    /**
     * An action with no form record to bind: its value, or what the module refused. A clash goes
     * where the handler's {@link ConflictReturnsTo} says, as for {@link #attempt(BindingResult,
     * Supplier)}.
     */
    public <T> Outcome<T> attempt(Supplier<T> action) {
        return outcome(action);
    }

    /** {@link #attempt(Supplier)} for an action that answers nothing. */
    public Outcome<Void> attempt(Runnable action) {
        return outcome(asSupplier(action));
    }

    /**
     * An action with no fields to bind (a button: answer, cancel, mark as held): what the module
     * refused, by field, or a clash shown above the page, as {@link #attemptShowingClash}.
     */
    public <T> Outcome<T> attemptShowingClash(Supplier<T> action) {
        try {
            return outcome(action);
        } catch (Conflict clash) {
            return Outcome.clash(problem(clash));
        }
    }

    /**
     * The action's value, or its refusal by field: each field's code (or text, which passes through
     * unchanged) resolved here, at the edge, in the person's language.
     */
    private <T> Outcome<T> outcome(Supplier<T> action) {
        try {
            return new Outcome<>(action.get(), null, null, 0, null, List.of());
        } catch (InvalidInputException refused) {
            Map<String, String> errors = new LinkedHashMap<>();
            refused.byField().forEach((field, message) -> errors.put(field, text(message)));
            List<InputError> every =
                    refused.errors().stream()
                            .map(
                                    e ->
                                            new InputError(
                                                    e.field(),
                                                    e.row(),
                                                    e.column(),
                                                    text(e.message())))
                            .toList();
            return new Outcome<>(
                    null, errors, null, InputStatus.of(refused), text(refused.getMessage()), every);
        }
    }

    /**
     * A message code (or text, which passes through unchanged) in the person's language: for a
     * refusal the page found itself, outside any form record.
     */
    public String text(String codeOrText) {
        return messages.getMessage(codeOrText, null, codeOrText, LocaleContextHolder.getLocale());
    }

    private static Supplier<Void> asSupplier(Runnable action) {
        return () -> {
            action.run();
            return null;
        };
    }

    /**
     * What became of a form: {@code value} when the module took it; otherwise {@code errors} (field
     * to text, each field's first; empty for a clash) or {@code problem} (a clash's text) and the
     * status the page answers with (400 or 422 for the fields, 409 for a clash). A page that lists
     * every reason finds them in {@code refusals}, under the refusal's own {@code heading}.
     */
    public record Outcome<T>(
            T value,
            Map<String, String> errors,
            String problem,
            int status,
            String heading,
            List<InputError> refusals) {

        static <T> Outcome<T> clash(String problem) {
            return new Outcome<>(
                    null, Map.of(), problem, HttpStatus.CONFLICT.value(), problem, List.of());
        }

        public boolean refused() {
            return errors != null;
        }

        /** Every reason the action was refused, as text: the clash's, or each refusal's. */
        public List<String> reasons() {
            return problem != null
                    ? List.of(problem)
                    : refusals.stream().map(InputError::message).toList();
        }

        /**
         * What a page with nothing typed says above its content when refused: the clash, the first
         * refusal (of a field or of the whole action), or the refusal's heading when it gave no
         * reason of its own.
         */
        public String said() {
            if (problem != null) {
                return problem;
            }
            return refusals.isEmpty() ? heading : refusals.get(0).message();
        }

        /**
         * True when refused, after setting the response's status and putting a clash's text in the
         * model as {@code problem} (shown by {@code alerts :: errorText}); the caller then shows
         * the form again with {@link #errors()}.
         */
        public boolean refused(HttpServletResponse response, Model model) {
            if (!refused()) {
                return false;
            }
            response.setStatus(status);
            if (problem != null) {
                model.addAttribute("problem", problem);
            }
            return true;
        }
    }

    /**
     * The text a form's page shows at the top when the module refused the action as a whole (a
     * {@link io.tandem.shared.Conflict}: changed meanwhile, ended already): the code and its
     * arguments resolved here, at the edge.
     */
    public String problem(Refusal refused) {
        return messages.getMessage(refused, LocaleContextHolder.getLocale());
    }

    private InputError text(FieldError error) {
        return InputError.field(
                error.getField(), messages.getMessage(error, LocaleContextHolder.getLocale()));
    }

    /** {@link #submit(BindingResult, Supplier)} for an action that answers nothing. */
    public void submit(BindingResult binding, Runnable action) {
        submit(binding, asSupplier(action));
    }
}

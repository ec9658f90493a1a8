package io.tandem.web;

import io.tandem.shared.InputError;
import io.tandem.shared.InvalidInputException;
import io.tandem.shared.Refusal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
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
        try {
            transactions.executeWithoutResult(
                    status -> {
                        status.setRollbackOnly();
                        action.get();
                    });
        } catch (InvalidInputException moduleRefused) {
            for (InputError error : moduleRefused.errors()) {
                if (error.field() == null || named.add(error.field())) {
                    found.add(error);
                }
            }
        } catch (io.tandem.shared.NotFound hidden) {
            // Whoever may not see the thing gets the same 404 whatever they typed.
            throw hidden;
        } catch (RuntimeException notAboutTheFields) {
            // A clash or a value the database would refuse waits until the form is corrected;
            // the values the form refused may be what caused it.
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
        submit(
                binding,
                () -> {
                    action.run();
                    return null;
                });
    }
}

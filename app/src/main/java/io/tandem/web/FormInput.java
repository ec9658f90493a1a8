package io.tandem.web;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.springframework.beans.BeanUtils;
import org.springframework.util.ClassUtils;
import org.springframework.validation.BindingResult;

/**
 * A page form record as the person entered it, for showing the form again. When a value does not
 * convert (a word where a date belongs), Spring binds no record at all; this one holds every value
 * that did convert, and null where one did not (its refusal names that field).
 */
public final class FormInput {

    private FormInput() {}

    /** The bound form, or one rebuilt from the values the binding recorded. */
    public static <T extends Record> T asEntered(T bound, BindingResult binding, Class<T> type) {
        if (bound != null) {
            return bound;
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Object value = binding.getFieldValue(components[i].getName());
            Class<?> wanted = ClassUtils.resolvePrimitiveIfNecessary(components[i].getType());
            values[i] = wanted.isInstance(value) ? value : null;
        }
        Class<?>[] types =
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            var constructor = type.getDeclaredConstructor(types);
            return BeanUtils.instantiateClass(constructor, values);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " has no canonical constructor", e);
        }
    }
}

package io.tandem.shared;

import java.util.ArrayList;
import java.util.List;

/** A validated {@code ?page=&size=} pair. */
public record PageQuery(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public static PageQuery of(Integer page, Integer size) {
        List<InputError> errors = new ArrayList<>();
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            errors.add(InputError.field("page", "paging.page.invalid"));
        }
        if (s < 1 || s > MAX_SIZE) {
            errors.add(InputError.field("size", "paging.size.invalid"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInputException.badRequest("paging.invalid", errors);
        }
        return new PageQuery(p, s);
    }

    public long offset() {
        return (long) page * size;
    }
}

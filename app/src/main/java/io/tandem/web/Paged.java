package io.tandem.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as every list in the API answers: {@code {items, page, size, total}}. */
public record Paged<T>(List<T> items, int page, int size, long total) {

    public static <T> Paged<T> of(List<T> items, PageQuery query, long total) {
        return new Paged<>(items, query.page(), query.size(), total);
    }

    public <R> Paged<R> map(Function<T, R> mapper) {
        return new Paged<>(items.stream().map(mapper).toList(), page, size, total);
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }
}

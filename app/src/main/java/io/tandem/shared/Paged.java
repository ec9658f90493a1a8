package io.tandem.shared;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/** One page of a list, as every list in the API answers: {@code {items, page, size, total}}. */
public record Paged<T>(List<T> items, int page, int size, long total) {

    public static <T> Paged<T> of(List<T> items, PageQuery query, long total) {
        return new Paged<>(items, query.page(), query.size(), total);
    }

    /**
     * One page whose total is counted only when the page cannot tell it: a page that is not full
     * (and not past the end) ends the list, so the total is the rows before it and on it. Most
     * lists fit in their first page; on PostgreSQL each count is a round trip of its own.
     */
    public static <T> Paged<T> counted(List<T> items, PageQuery query, LongSupplier count) {
        boolean endsHere = items.size() < query.size() && (!items.isEmpty() || query.page() == 0);
        return of(items, query, endsHere ? query.offset() + items.size() : count.getAsLong());
    }

    /**
     * One page of a list already in memory; a page past the end gives the last page, so a link that
     * outlived some rows still shows rows.
     */
    public static <T> Paged<T> slice(List<T> all, PageQuery query) {
        int pages = Math.max(1, (all.size() + query.size() - 1) / query.size());
        PageQuery within = new PageQuery(Math.min(query.page(), pages - 1), query.size());
        int from = (int) within.offset();
        return of(
                all.subList(from, Math.min(all.size(), from + within.size())), within, all.size());
    }

    public <R> Paged<R> map(Function<T, R> mapper) {
        return new Paged<>(items.stream().map(mapper).toList(), page, size, total);
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    /** The 1-based position of the first item on this page; 0 when there is none. */
    public long from() {
        return items.isEmpty() ? 0 : (long) page * size + 1;
    }

    /** The position of the last item on this page. */
    public long to() {
        return (long) page * size + items.size();
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }
}

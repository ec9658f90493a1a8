package io.tandem.matching.engine;

import java.util.Locale;

/**
 * What an exact solve did, for the run's log and the benches: which path it took and how much work
 * each phase of the successive shortest paths needed. Counts are summed over the parts the solve
 * split into and over FAIR's one weighted solve; times are the wall nanoseconds of each phase on
 * whichever thread ran it (two parts on two threads add up; the graph and pricing scan on two).
 *
 * @param collapsed solved as a transportation problem over identical rows (no searches)
 * @param parts connected parts solved apart (1: the whole problem at once; 0: no search ran)
 * @param auctions searches that started from an auction (0: skipped, or the budget was 0)
 * @param freeAfterAuction mentees still free when the first exact searches began, with the holders
 *     the auction's bids at ε left short of their best (each searched for like a free mentee)
 * @param fullSearches insertions that needed a Dijkstra search (the rest ended on their first arc,
 *     or along tight arcs after a wide search)
 * @param settled columns settled by those searches altogether: the searches' work
 * @param pricingRounds rounds of pricing after the first assignment (1: optimal at once)
 * @param repaired mentees re-inserted because pricing found a violated pair of theirs
 * @param graphNanos building the candidate graph
 * @param auctionNanos the auction
 * @param searchNanos the first assignment's searches
 * @param pricingNanos pricing and the repairs it caused
 */
public record SolveStatistics(
        boolean collapsed,
        int parts,
        int auctions,
        long freeAfterAuction,
        long fullSearches,
        long settled,
        int pricingRounds,
        long repaired,
        long graphNanos,
        long auctionNanos,
        long searchNanos,
        long pricingNanos) {

    /** A solve that reported nothing (greedy, stable, or an assignment built by hand). */
    public static final SolveStatistics NONE =
            new SolveStatistics(false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** One line for a log: the path, then each phase's count and milliseconds. */
    @Override
    public String toString() {
        if (collapsed) {
            return "collapsed to a transportation problem";
        }
        if (parts == 0) {
            return "no searches";
        }
        return String.format(
                Locale.ROOT,
                "%d part(s), %d auction(s), %d free after the auction, %d full searches settling"
                        + " %d columns, %d pricing round(s) re-inserting %d; graph %d ms, auction"
                        + " %d ms, searches %d ms, pricing %d ms",
                parts,
                auctions,
                freeAfterAuction,
                fullSearches,
                settled,
                pricingRounds,
                repaired,
                graphNanos / 1_000_000,
                auctionNanos / 1_000_000,
                searchNanos / 1_000_000,
                pricingNanos / 1_000_000);
    }

    /** Adds up the searches of a solve's parts, which may run on several threads. */
    static final class Counter {
        private boolean collapsed;
        private int parts;
        private int auctions;
        private long freeAfterAuction;
        private long fullSearches;
        private long settled;
        private int pricingRounds;
        private long repaired;
        private long graphNanos;
        private long auctionNanos;
        private long searchNanos;
        private long pricingNanos;

        synchronized void collapsed() {
            collapsed = true;
        }

        /** One part's (or the whole problem's) successive shortest paths. */
        synchronized void add(SolveStatistics part) {
            parts += part.parts;
            auctions += part.auctions;
            freeAfterAuction += part.freeAfterAuction;
            fullSearches += part.fullSearches;
            settled += part.settled;
            pricingRounds = Math.max(pricingRounds, part.pricingRounds);
            repaired += part.repaired;
            graphNanos += part.graphNanos;
            auctionNanos += part.auctionNanos;
            searchNanos += part.searchNanos;
            pricingNanos += part.pricingNanos;
        }

        synchronized SolveStatistics total() {
            return new SolveStatistics(
                    collapsed,
                    parts,
                    auctions,
                    freeAfterAuction,
                    fullSearches,
                    settled,
                    pricingRounds,
                    repaired,
                    graphNanos,
                    auctionNanos,
                    searchNanos,
                    pricingNanos);
        }
    }
}

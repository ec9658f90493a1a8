package io.tandem.matching.engine;

/**
 * A Gauss–Seidel auction without ε, run on the candidate graph before the exact searches: it prices
 * the mentors that many mentees want, so that the searches start from near-final duals instead of
 * flooding full mentors one mentee at a time.
 *
 * <p>Each mentor has {@code capacity} places, each with a price (a free place costs 0). A free
 * mentee takes the mentor with the best net value (weight minus the mentor's cheapest place) and
 * pays for that place its weight minus its second-best net value (at least 0, the value of staying
 * unmatched); when the mentor is full, the holder of the cheapest place leaves and bids in turn.
 * With no ε every holder stays exactly at its best mentor under the mentors' cheapest prices (those
 * only rise), so the state at any point is a feasible start for the exact solver: mentor potentials
 * minus the cheapest price of a full mentor, 0 for one with room (see {@link #price}). Ties can
 * make mentees trade a place back and forth at the same price, so the exact bids stop after a
 * budget.
 *
 * <p>Then, when the mentees still bidding would not have to climb far to be priced out (see {@link
 * #climb}), it goes on at ε: each bid pays ε more, so every tie war raises a price and ends, the
 * losers priced out to staying unmatched. A winner at ε may be up to ε short of its best mentor;
 * {@link #isShort} names those holders, whose places the exact solver seeds as deficits for their
 * own searches to fill. The mentees still free are left to the exact searches.
 */
final class Auction {

    /** Places of all mentors together above which the auction is skipped (per mentee). */
    static final int MAX_PLACES_PER_MENTEE = 8;

    /**
     * The {@link #climb} per mentee above which the bids at ε are not made: the product's instance
     * needs about 30, family (f) 97, while (c), (e) and (d), whose searches are short anyway, need
     * 163, 252 and 689 (session 15, engine README).
     */
    static final int MAX_CLIMB_PER_MENTEE = 128;

    private final int[] start;
    private final int[] col;
    private final int[] score;
    private final int[] cap;
    private final long alpha;
    private final long beta;

    /** Each mentor's places as a min-heap of (price, holder), {@code held[j]} of them taken. */
    private final int[] slotStart;

    private final long[] slotPrice;
    private final int[] slotRow;
    private final int[] held;

    /**
     * {@link #price} of each mentor, kept as places change hands, so that a bid reads one value per
     * arc; {@link #CLOSED} for a mentor without places.
     */
    private final long[] cheapest;

    /** Above any weight, so that a mentor without places is never worth a bid. */
    private static final long CLOSED = Long.MAX_VALUE / 4;

    /** The arc each mentee holds a place through, {@code -1} when free. */
    final int[] arcOf;

    /** The free mentees still to bid, {@code size} of them from {@code headAt}, circularly. */
    private int[] queue;

    private int headAt;
    private int size;

    private Auction(int[] start, int[] col, int[] score, int[] cap, long alpha, long beta) {
        this.start = start;
        this.col = col;
        this.score = score;
        this.cap = cap;
        this.alpha = alpha;
        this.beta = beta;
        int n = start.length - 1;
        int m = cap.length;
        slotStart = new int[m + 1];
        for (int j = 0; j < m; j++) {
            slotStart[j + 1] = slotStart[j] + Math.min(cap[j], n);
        }
        slotPrice = new long[slotStart[m]];
        slotRow = new int[slotStart[m]];
        held = new int[m];
        cheapest = new long[m];
        for (int j = 0; j < m; j++) {
            cheapest[j] = cap[j] == 0 ? CLOSED : 0;
        }
        arcOf = new int[n];
        java.util.Arrays.fill(arcOf, -1);
    }

    /**
     * Runs the auction over the mentees in {@code order} with at most {@code budget} bids; {@code
     * null} when the mentors' places are too many for it to pay (then every mentee stays free).
     */
    static Auction run(
            int[] start,
            int[] col,
            int[] score,
            int[] cap,
            long alpha,
            long beta,
            int[] order,
            long budget,
            long epsilon,
            long epsilonBudget,
            long maxClimbPerMentee) {
        long places = 0;
        for (int c : cap) {
            places += Math.min(c, order.length);
        }
        if (places > (long) MAX_PLACES_PER_MENTEE * order.length + cap.length) {
            return null;
        }
        Auction auction = new Auction(start, col, score, cap, alpha, beta);
        auction.bidAll(order, budget, epsilon, epsilonBudget, maxClimbPerMentee);
        return auction;
    }

    /** Mentor {@code j}'s price for the solver: its cheapest place when full, else 0. */
    long price(int j) {
        return cap[j] == 0 ? 0 : cheapest[j];
    }

    private void bidAll(
            int[] order, long budget, long epsilon, long epsilonBudget, long maxClimbPerMentee) {
        int n = order.length;
        queue = new int[n];
        System.arraycopy(order, 0, queue, 0, n);
        size = n;
        bidFromQueue(budget, 0);
        if (size > 0 && epsilonBudget > 0 && climb(epsilon) <= maxClimbPerMentee * n) {
            bidFromQueue(epsilonBudget, epsilon);
        }
    }

    /** Bids from the queue of free mentees until it empties or {@code budget} bids are made. */
    private void bidFromQueue(long budget, long epsilon) {
        int n = queue.length;
        for (long bids = 0; size > 0 && bids < budget; bids++) {
            int i = queue[headAt];
            headAt = headAt + 1 == n ? 0 : headAt + 1;
            size--;
            int out = bid(i, epsilon);
            if (out >= 0) {
                queue[(headAt + size) % n] = out;
                size++;
            }
        }
    }

    /**
     * The steps of {@code epsilon} the prices would have to climb for every mentee still bidding to
     * be priced out: the sum of their best net values over ε. The bids at ε cost about that much
     * (within a factor of 3 on every family), so a long climb is left to the searches.
     */
    private long climb(long epsilon) {
        int n = queue.length;
        long steps = 0;
        for (int q = 0; q < size; q++) {
            steps += bestNet(queue[(headAt + q) % n]) / epsilon;
        }
        return steps;
    }

    /**
     * Whether holder {@code i} is short of its best net value (or of staying unmatched) under the
     * final prices: an ε bid leaves its winner up to ε short.
     */
    boolean isShort(int i) {
        int held = arcOf[i];
        return alpha * score[held] + beta - cheapest[col[held]] < bestNet(i);
    }

    /** Mentee {@code i}'s best net value under the current prices, at least 0 (unmatched). */
    private long bestNet(int i) {
        long best = 0;
        for (int e = start[i], end = start[i + 1]; e < end; e++) {
            best = Math.max(best, alpha * score[e] + beta - cheapest[col[e]]);
        }
        return best;
    }

    /**
     * Mentee {@code i} bids for its best mentor; returns the mentee it displaced, or {@code -1}.
     */
    private int bid(int i, long epsilon) {
        long best = 0;
        long second = 0;
        int bestArc = -1;
        boolean bestHasRoom = false;
        for (int e = start[i], end = start[i + 1]; e < end; e++) {
            int j = col[e];
            long net = alpha * score[e] + beta - cheapest[j];
            if (net > best || (net == best && bestArc >= 0 && !bestHasRoom && held[j] < cap[j])) {
                if (bestArc >= 0) {
                    second = Math.max(second, best);
                }
                best = net;
                bestArc = e;
                bestHasRoom = held[j] < cap[j];
            } else if (net > second) {
                second = net;
            }
        }
        if (bestArc < 0) {
            return -1; // staying unmatched is as good: the exact searches decide
        }
        int j = col[bestArc];
        long paid = alpha * score[bestArc] + beta - second + epsilon;
        if (held[j] < cap[j]) {
            arcOf[i] = bestArc;
            push(j, paid, i);
            return -1;
        }
        arcOf[i] = bestArc;
        int out = slotRow[slotStart[j]];
        arcOf[out] = -1;
        replaceMin(j, paid, i);
        return out;
    }

    private void push(int j, long price, int row) {
        int base = slotStart[j];
        int c = held[j]++;
        while (c > 0) {
            int p = (c - 1) >>> 1;
            if (slotPrice[base + p] <= price) {
                break;
            }
            slotPrice[base + c] = slotPrice[base + p];
            slotRow[base + c] = slotRow[base + p];
            c = p;
        }
        slotPrice[base + c] = price;
        slotRow[base + c] = row;
        if (held[j] == cap[j]) {
            cheapest[j] = slotPrice[base];
        }
    }

    private void replaceMin(int j, long price, int row) {
        int base = slotStart[j];
        int size = held[j];
        int c = 0;
        while (true) {
            int l = 2 * c + 1;
            if (l >= size) {
                break;
            }
            int r = l + 1;
            int q = r < size && slotPrice[base + r] < slotPrice[base + l] ? r : l;
            if (slotPrice[base + q] >= price) {
                break;
            }
            slotPrice[base + c] = slotPrice[base + q];
            slotRow[base + c] = slotRow[base + q];
            c = q;
        }
        slotPrice[base + c] = price;
        slotRow[base + c] = row;
        cheapest[j] = slotPrice[base];
    }
}

package io.tandem.matching.engine;

import java.util.Arrays;

/**
 * Exact maximum-weight capacitated assignment by successive shortest augmenting paths (the
 * Hungarian/Jonker–Volgenant family), with every mentee allowed to stay unmatched.
 *
 * <p>A pair's weight is {@code alpha * score + beta}; its cost is minus that. The network is mentee
 * → mentor → sink plus a "stay unmatched" column of cost 0 and unbounded capacity. Mentees are
 * added one at a time; for each, Dijkstra over mentors (binary heap, reduced costs under column and
 * sink potentials, mentee potentials implied by the assigned arc) finds the cheapest augmenting
 * path. A full mentor, once reached, makes all its mentees reachable at the same distance, so
 * capacities need no copies of the mentor. Among equally distant mentors one with room comes first,
 * which ends most searches at once on dense instances with ties.
 *
 * <p>Speed comes from pricing: solve on a candidate graph (each mentee's best {@code k} mentors and
 * each mentor's best mentees), then check the dual against every allowed pair — every cell of a
 * dense matrix, or every listed pair of sparse scores, which take the same path row by row, so both
 * give the same assignment. Mentees with a violated pair get their most violated pairs added and
 * leave their mentor, whose slot becomes a deficit that their new shortest path must fill;
 * everything else carries over. When no pair is violated, the solution is optimal for the whole
 * matrix. All arithmetic is on longs, so the optimum is exact; the order of work is fixed, so the
 * result is deterministic.
 */
final class ShortestAugmentingPaths {

    /**
     * Candidates per mentee before pricing; enough that uniform random instances need no repeat.
     * Every arc costs a relaxation each time its mentee's mentor is settled, so fewer arcs make
     * every search cheaper; the pricing check adds the few that turn out to be missing.
     */
    static final int DEFAULT_CANDIDATES = 16;

    /** Best mentees per mentor added to the first candidate graph. */
    static final int COLUMN_CANDIDATES = 16;

    /** The same when the mentees' lists concentrate on too few mentors to hold everyone. */
    static final int POPULAR_COLUMN_CANDIDATES = 64;

    /** The auction's budget of bids per mentee (see {@link Auction}). */
    static final int AUCTION_BIDS_PER_MENTEE = 16;

    /**
     * Bids per mentee at ε after the exact ones, which end in tie wars on coarse scores: the
     * product's instance needs about 44 to end them, family (f) 19 (see {@link Auction}).
     */
    static final int EPSILON_BIDS_PER_MENTEE = 64;

    /** ε of those bids, in score points (one: the finest step a score can tell apart). */
    static final int EPSILON_POINTS = 1;

    /**
     * Tight paths are looked for once the last search settled this many columns: below it, the
     * searches are short and a look that finds nothing would only add to them (family (g)'s parts).
     */
    static final int TIGHT_ROUTES_AFTER = 64;

    private static final long WEIGHT_LIMIT = 1L << 60;
    private static final int BLOCK = 256;

    /** Dense or sparse; {@code scores} and {@code cols} are its arrays, for the hot loops. */
    private Rows rows;

    private int[] scores;
    private int[] cols;

    private final int n;
    private final int m;
    private final int[] cap;
    private final int floor;
    private final long alpha;
    private final long beta;
    private final int candidates;
    private final int columnCandidates;
    private final int threads;
    private final CancellationToken token;
    private final int tightRoutesAfter =
            Integer.getInteger("tandem.engine.tightRoutesAfter", TIGHT_ROUTES_AFTER);
    private final long epsilonPoints =
            Integer.getInteger("tandem.engine.epsilonPoints", EPSILON_POINTS);

    /** The auction's bids per mentee unless {@code tandem.engine.auctionBids} says otherwise. */
    private int auctionBidsPerMentee = AUCTION_BIDS_PER_MENTEE;

    /** Its bids at ε per mentee unless {@code tandem.engine.epsilonBids} says otherwise. */
    private int epsilonBidsPerMentee = EPSILON_BIDS_PER_MENTEE;

    /** Where this solve's counts go ({@link #countingInto}); its own counts meanwhile. */
    private SolveStatistics.Counter counter;

    private long fullSearches;
    private long settledColumns;
    private boolean auctioned;
    private long freeAfterAuction;
    private long auctionNanos;

    /** The final network of the last {@link #solve}, for {@link #duals}. */
    private Network solved;

    ShortestAugmentingPaths(
            Rows rows,
            int[] capacities,
            int floor,
            long alpha,
            long beta,
            int candidates,
            int threads,
            CancellationToken token) {
        this(rows, capacities, floor, alpha, beta, candidates, COLUMN_CANDIDATES, threads, token);
    }

    /**
     * @param columnCandidates best mentees per mentor added to the first candidate graph; 0 leaves
     *     the mentors' side to pricing (small parts, where the mentees' lists name nearly every
     *     mentor)
     */
    ShortestAugmentingPaths(
            Rows rows,
            int[] capacities,
            int floor,
            long alpha,
            long beta,
            int candidates,
            int columnCandidates,
            int threads,
            CancellationToken token) {
        if (capacities.length != rows.m) {
            throw new IllegalArgumentException(
                    capacities.length + " capacities for " + rows.m + " mentors");
        }
        this.rows = rows;
        this.scores = rows.score;
        this.cols = rows.cols;
        this.n = rows.n;
        this.m = rows.m;
        this.cap = capacities;
        this.floor = Math.max(0, floor);
        this.alpha = alpha;
        this.beta = beta;
        this.candidates = Math.max(1, candidates);
        this.columnCandidates = Math.max(0, columnCandidates);
        this.threads = threads;
        this.token = token;
        long maxWeight = alpha * (long) Math.max(0, rows.maxScore) + beta;
        if (alpha <= 0
                || beta < 0
                || alpha > WEIGHT_LIMIT / (Integer.MAX_VALUE + 1L)
                || maxWeight >= WEIGHT_LIMIT) {
            throw new IllegalArgumentException("weights too large for exact long arithmetic");
        }
    }

    private int from(int i) {
        return rows.from(i);
    }

    private int to(int i) {
        return rows.to(i);
    }

    /** Adds this solve's counts to {@code counter} when it ends. */
    ShortestAugmentingPaths countingInto(SolveStatistics.Counter counter) {
        this.counter = counter;
        return this;
    }

    /** Gives the auction {@code perMentee} bids per mentee (see {@link Auction}). */
    ShortestAugmentingPaths auctionBids(int perMentee) {
        this.auctionBidsPerMentee = perMentee;
        return this;
    }

    /** Gives the auction {@code perMentee} bids at ε per mentee after its exact ones. */
    ShortestAugmentingPaths epsilonBids(int perMentee) {
        this.epsilonBidsPerMentee = perMentee;
        return this;
    }

    /** Returns the optimal mentor per mentee ({@code -1}: unmatched). */
    int[] solve(ProgressListener progress) {
        long t0 = System.nanoTime();
        Graph graph = candidateGraph(ProgressListener.slice(progress, 0, 0.15));
        long t1 = System.nanoTime();
        Network net = firstAssignment(graph, ProgressListener.slice(progress, 0.15, 0.85));
        long t2 = System.nanoTime();
        return repair(net, progress, t1 - t0, t2 - t1, t2);
    }

    /**
     * The last solve again, on {@code more}: the same mentees and mentors with pairs added (none
     * removed). The assignment and the prices carry over, so only the mentees with a violated new
     * pair are searched for again, as in a pricing round.
     */
    int[] resume(Rows more) {
        if (solved == null || more.n != n || more.m != m || more.maxScore > rows.maxScore) {
            throw new IllegalStateException("resume only a solved problem with pairs added");
        }
        rows = more;
        scores = more.score;
        cols = more.cols;
        Network net = solved;
        solved = null;
        return repair(net, ProgressListener.NONE, 0, 0, System.nanoTime());
    }

    /** Pricing rounds until no listed pair is violated; returns the optimal mentor per mentee. */
    private int[] repair(
            Network net, ProgressListener progress, long graphNanos, long firstNanos, long t2) {
        Graph graph = net.graph;
        int step = Math.max(1, n / 100);
        int rounds = 1;
        long repaired = 0;
        while (true) {
            // Add each mentee's most violated pairs, twice as many each round: the graph only
            // grows, so the loop ends (at worst with every allowed pair).
            int[][] extra = violations(net, candidates << Math.min(20, rounds - 1));
            if (extra == null) {
                solved = net;
                progress.onProgress(1.0);
                report(rounds, repaired, graphNanos, firstNanos, System.nanoTime() - t2);
                return net.mentorOfMentee();
            }
            rounds++;
            graph = graph.with(extra);
            net.graph = graph;
            net.forgetDead();
            // Only the mentees with a violated pair leave their mentor; the rest of the
            // assignment and the prices carry over, so the next round is a repair.
            for (int i = 0; i < n; i++) {
                if (extra[i] != null) {
                    net.unassign(i);
                }
            }
            int done = 0;
            for (int i = 0; i < n; i++) {
                if (extra[i] != null) {
                    if (done++ % step == 0) {
                        token.throwIfCancelled();
                    }
                    net.insert(i);
                }
            }
            repaired += done;
        }
    }

    /**
     * The linear program's dual of the last solve: {@code u[i] >= 0} per mentee, {@code v[j] >= 0}
     * per mentor (0 for a mentor with room), in weight units ({@code alpha * score + beta}), with
     * {@code u[i] + v[j] >= weight} on every listed pair at or above the floor to a mentor with
     * places, equality on the assigned ones and {@code u[i] = 0} for an unmatched mentee. So the
     * assignment is optimal for any larger set of pairs that keeps that inequality, which is how
     * {@link PricingSolver} proves its lists enough without holding the other pairs.
     */
    void duals(long[] u, long[] v) {
        Network net = solved;
        long c = net.vSink;
        for (int j = 0; j < m; j++) {
            // an empty mentor's potential may sit above the sink's: its price is 0 all the same
            v[j] = Math.max(0, c - net.v[j]);
        }
        for (int i = 0; i < n; i++) {
            int col = net.colOf[i];
            u[i] = col == net.skip ? 0 : -(net.rowCost[i] - net.v[col]) - c;
        }
    }

    private void report(int rounds, long repaired, long graph, long first, long pricing) {
        if (counter != null) {
            counter.add(
                    new SolveStatistics(
                            false,
                            1,
                            auctioned ? 1 : 0,
                            freeAfterAuction,
                            fullSearches,
                            settledColumns,
                            rounds,
                            repaired,
                            graph,
                            auctionNanos,
                            first - auctionNanos,
                            pricing));
        }
    }

    /**
     * The auction's holders and prices, then a shortest augmenting path for each mentee still free,
     * best first: the optimum on {@code graph}.
     */
    private Network firstAssignment(Graph graph, ProgressListener progress) {
        Network net = new Network(graph);
        int step = Math.max(1, n / 100);
        int[] order = bestFirst(graph);
        long auctionStart = System.nanoTime();
        Auction auction =
                Auction.run(
                        graph.start,
                        graph.col,
                        graph.score,
                        cap,
                        alpha,
                        beta,
                        order,
                        auctionBids(),
                        alpha * epsilonPoints,
                        epsilonBids(),
                        Integer.getInteger(
                                "tandem.engine.epsilonClimb", Auction.MAX_CLIMB_PER_MENTEE));
        boolean[] shortOf = null;
        if (auction != null) {
            shortOf = net.seed(auction);
            auctioned = auctionBids() + epsilonBids() > 0;
        }
        auctionNanos = System.nanoTime() - auctionStart;
        for (int o = 0; o < n; o++) {
            if (o % step == 0) {
                token.throwIfCancelled();
                progress.onProgress((double) o / n);
            }
            if (net.colOf[order[o]] < 0) {
                freeAfterAuction++;
                if (shortOf == null || !shortOf[order[o]]) {
                    net.sinkDemand++; // a short holder's place is already a deficit to fill
                }
                net.insert(order[o]);
            }
        }
        return net;
    }

    /** Bids at ε the auction may make after its exact ones (0: none, or no auction at all). */
    private long epsilonBids() {
        if (auctionBids() == 0) {
            return 0;
        }
        return (long) Integer.getInteger("tandem.engine.epsilonBids", epsilonBidsPerMentee) * n;
    }

    /** Bids the auction may make before the exact searches take over (0: no auction). */
    private long auctionBids() {
        return (long) Integer.getInteger("tandem.engine.auctionBids", auctionBidsPerMentee) * n;
    }

    /**
     * Mentees by their best candidate score, highest first (ties by index). When places run out,
     * inserting in index order makes the searches that hunt the last free places flood hundreds of
     * full mentors each; strong mentees first leave the weak ones, who come last, short paths to
     * "unmatched" (a fifth fewer arc relaxations on the scored-profiles family).
     */
    private int[] bestFirst(Graph graph) {
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            int best = graph.start[i] < graph.start[i + 1] ? graph.score[graph.start[i]] : -1;
            keys[i] = ((long) -best << 32) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[n];
        for (int o = 0; o < n; o++) {
            order[o] = (int) keys[o];
        }
        return order;
    }

    /**
     * Each mentee's best allowed mentors, sorted by score descending then index, plus (unless
     * {@code columnCandidates} is 0) each mentor's best mentees: with popular mentors, the mentees'
     * own top lists all name the same few, and the optimum needs arcs to the others.
     */
    private Graph candidateGraph(ProgressListener progress) {
        Graph graph = rowCandidates(progress);
        int kc = Math.min(columnCandidates, Math.max(1, n));
        if (kc == 0) {
            return graph;
        }
        // When the mentees' lists all name the same few mentors, whose room cannot take as many
        // as all mentors could, the other mentors need more competition in the first graph for
        // their prices to be right: take more of each mentor's best mentees. When places are
        // scarce everywhere (more mentees than places), the lists name nearly every mentor and
        // more only lengthens every search. The lists decide, so the mentors' side is a pass of
        // its own: offering every row to both sizes cost the product's cohort a tenth of its solve
        // (session 14), and keeping the larger size for every instance a third more on family (a).
        if (listedRoomIsShort(graph.col)) {
            kc = Math.max(kc, Math.min(POPULAR_COLUMN_CANDIDATES, n));
        }
        ColumnOffers offers = new ColumnOffers(kc);
        Parallel.forEachBlock(
                n,
                BLOCK,
                threads,
                (worker, from, to) -> {
                    token.throwIfCancelled();
                    for (int i = from; i < to; i++) {
                        offers.offer(worker, i);
                    }
                });
        return graph.with(
                columnArcs(offers.heaps, offers.sizes, offers.kc, graph.start, graph.col));
    }

    /** Each row's best {@code candidates} mentors. */
    private Graph rowCandidates(ProgressListener progress) {
        int k = Math.min(candidates, Math.max(1, m));
        int[] count = new int[n];
        int[] colOf = new int[n * k];
        int[] scoreOf = new int[n * k];
        long[][] heaps = new long[threads][k];
        long[][] outs = new long[threads][k];
        Parallel.forEachBlock(
                n,
                BLOCK,
                threads,
                (worker, from, to) -> {
                    token.throwIfCancelled();
                    long[] heap = heaps[worker];
                    long[] out = outs[worker];
                    for (int i = from; i < to; i++) {
                        count[i] = selectRow(i, k, heap, out, colOf, scoreOf);
                    }
                    if (worker == 0) {
                        progress.onProgress((double) to / n);
                    }
                });
        return Graph.packed(count, colOf, scoreOf, k);
    }

    /**
     * Row {@code i}'s best {@code k} mentors into {@code colOf}/{@code scoreOf} at {@code i * k}.
     */
    private int selectRow(int i, int k, long[] heap, long[] out, int[] colOf, int[] scoreOf) {
        int c =
                TopScores.select(
                        scores,
                        cols,
                        from(i),
                        1,
                        to(i) - from(i),
                        floor,
                        cap,
                        Long.MAX_VALUE,
                        k,
                        heap,
                        out);
        for (int a = 0; a < c; a++) {
            colOf[i * k + a] = TopScores.colOf(out[a]);
            scoreOf[i * k + a] = TopScores.scoreOf(out[a]);
        }
        return c;
    }

    /** Whether the mentors the lists name can hold fewer mentees than all mentors could. */
    private boolean listedRoomIsShort(int[] col) {
        boolean[] listed = new boolean[m];
        for (int j : col) {
            listed[j] = true;
        }
        long room = 0;
        long places = 0;
        for (int j = 0; j < m; j++) {
            room += listed[j] ? Math.min(cap[j], n) : 0;
            places += Math.min(cap[j], n);
        }
        return room < Math.min(n, places);
    }

    /** Per worker, each column's bounded heap of its best rows (see {@link #offerToColumns}). */
    private final class ColumnOffers {
        final int kc;
        final long[][] heaps;
        final int[][] sizes;
        final long[][] thresholds;

        ColumnOffers(int kc) {
            this.kc = kc;
            heaps = new long[threads][m * kc];
            sizes = new int[threads][m];
            thresholds = thresholds(threads);
        }

        void offer(int worker, int i) {
            offerToColumns(i, heaps[worker], sizes[worker], thresholds[worker], kc);
        }
    }

    private long[][] thresholds(int workers) {
        long[][] t = new long[workers][m];
        for (long[] row : t) {
            Arrays.fill(row, Long.MIN_VALUE);
        }
        return t;
    }

    /**
     * Offers row {@code i}'s allowed pairs to each column's bounded min-heap of best rows; {@code
     * thresholds[j]} is column j's heap minimum once full, so most pairs cost one comparison.
     */
    private void offerToColumns(int i, long[] heaps, int[] sizes, long[] thresholds, int kc) {
        int off = from(i);
        int end = to(i);
        long low = Integer.MAX_VALUE - i;
        for (int e = off; e < end; e++) {
            int j = cols == null ? e - off : cols[e];
            int s = scores[e];
            long key = ((long) s << 32) | low;
            if (key <= thresholds[j] || s < floor || cap[j] == 0) {
                continue;
            }
            int base = j * kc;
            int size = sizes[j];
            if (size < kc) {
                int c = size;
                sizes[j] = size + 1;
                while (c > 0) {
                    int p = (c - 1) >>> 1;
                    if (heaps[base + p] <= key) {
                        break;
                    }
                    heaps[base + c] = heaps[base + p];
                    c = p;
                }
                heaps[base + c] = key;
            } else {
                int c = 0;
                while (true) {
                    int l = 2 * c + 1;
                    if (l >= kc) {
                        break;
                    }
                    int r = l + 1;
                    int q = r < kc && heaps[base + r] < heaps[base + l] ? r : l;
                    if (heaps[base + q] >= key) {
                        break;
                    }
                    heaps[base + c] = heaps[base + q];
                    c = q;
                }
                heaps[base + c] = key;
            }
            if (sizes[j] == kc) {
                thresholds[j] = heaps[base];
            }
        }
    }

    /** The columns' best rows as extra (column, score) arcs per row, leaving out existing arcs. */
    private int[][] columnArcs(long[][] heaps, int[][] sizes, int kc, int[] start, int[] col) {
        int[][] extra = new int[n][];
        int[] extraCount = new int[n];
        long[] merged = new long[heaps.length * kc];
        for (int j = 0; j < m; j++) {
            int total = 0;
            for (int w = 0; w < heaps.length; w++) {
                System.arraycopy(heaps[w], j * kc, merged, total, sizes[w][j]);
                total += sizes[w][j];
            }
            java.util.Arrays.sort(merged, 0, total);
            for (int t = total - 1; t >= Math.max(0, total - kc); t--) {
                int i = TopScores.colOf(merged[t]); // the key names the row here
                boolean present = false;
                for (int e = start[i]; e < start[i + 1] && !present; e++) {
                    present = col[e] == j;
                }
                if (present) {
                    continue;
                }
                if (extra[i] == null) {
                    extra[i] = new int[8];
                } else if (extra[i].length < 2 * extraCount[i] + 2) {
                    extra[i] = java.util.Arrays.copyOf(extra[i], extra[i].length * 2);
                }
                extra[i][2 * extraCount[i]] = j;
                extra[i][2 * extraCount[i] + 1] = TopScores.scoreOf(merged[t]);
                extraCount[i]++;
            }
        }
        for (int i = 0; i < n; i++) {
            if (extra[i] != null) {
                extra[i] = java.util.Arrays.copyOf(extra[i], 2 * extraCount[i]);
            }
        }
        return extra;
    }

    private record Graph(int[] start, int[] col, int[] score) {

        /** Row {@code i}'s {@code count[i]} arcs, held at {@code i * k} of the two arrays. */
        static Graph packed(int[] count, int[] colOf, int[] scoreOf, int k) {
            int n = count.length;
            int[] start = new int[n + 1];
            for (int i = 0; i < n; i++) {
                start[i + 1] = start[i] + count[i];
            }
            if (start[n] == colOf.length) {
                return new Graph(start, colOf, scoreOf); // every row has k: already packed
            }
            int[] col = new int[start[n]];
            int[] score = new int[start[n]];
            for (int i = 0; i < n; i++) {
                System.arraycopy(colOf, i * k, col, start[i], count[i]);
                System.arraycopy(scoreOf, i * k, score, start[i], count[i]);
            }
            return new Graph(start, col, score);
        }

        /** This graph plus {@code extra[i]} (column, score pairs interleaved) for each row. */
        Graph with(int[][] extra) {
            int n = start.length - 1;
            int[] s = new int[n + 1];
            for (int i = 0; i < n; i++) {
                int add = extra[i] == null ? 0 : extra[i].length / 2;
                s[i + 1] = s[i] + (start[i + 1] - start[i]) + add;
            }
            int[] c = new int[s[n]];
            int[] sc = new int[s[n]];
            for (int i = 0; i < n; i++) {
                int len = start[i + 1] - start[i];
                System.arraycopy(col, start[i], c, s[i], len);
                System.arraycopy(score, start[i], sc, s[i], len);
                if (extra[i] != null) {
                    for (int a = 0; a < extra[i].length / 2; a++) {
                        c[s[i] + len + a] = extra[i][2 * a];
                        sc[s[i] + len + a] = extra[i][2 * a + 1];
                    }
                }
            }
            return new Graph(s, c, sc);
        }
    }

    /**
     * The flow network's state: mentee → mentor → sink, plus a "stay unmatched" column of unbounded
     * capacity. {@code flow[j]} units go from column j to the sink; a column whose flow exceeds its
     * mentees has a deficit (a mentee left it during a repair) that a later path must fill. All
     * residual arcs keep non-negative reduced costs under the potentials {@code v} and {@code
     * vSink}; mentee potentials are implied by their assigned arc.
     */
    private final class Network {
        final int skip = m;
        final int sink = m + 1;
        Graph graph;
        final int[] colOf = new int[n];
        final long[] rowCost = new long[n];
        final int[] head = new int[m + 1];
        final int[] next = new int[n];
        final int[] prev = new int[n];
        final int[] rowsIn = new int[m + 1];
        final int[] flow = new int[m + 1];
        final long[] v = new long[m + 1];
        long vSink;
        int sinkDemand;
        // search scratch
        private final long[] dist = new long[m + 2];
        private final int[] pred = new int[m + 2];
        private final int[] predArc = new int[m + 1];
        private final boolean[] isSettled = new boolean[m + 2];
        private final int[] settled = new int[m + 2];
        private final int[] touched = new int[m + 2];
        private final int[] tie = new int[m + 2];
        private final ColumnHeap heap = new ColumnHeap(m + 2, dist, tie);
        // routeTight's state: columns known to have no tight way out, and the path as frames
        private final boolean[] dead = new boolean[m + 1];
        private final int[] deadColumns = new int[m + 1];
        private int deadCount;

        /** Columns the last search settled: a wide plateau is worth looking for tight ways out. */
        private int lastSettled;

        private final boolean[] onPath = new boolean[m + 1];
        private final int[] frameRow = new int[m + 3];
        private final int[] frameArc = new int[m + 3];
        private final long[] frameU = new long[m + 3];
        private final int[] frameCol = new int[m + 3];
        private final int[] takenCol = new int[m + 3];
        private final int[] takenArc = new int[m + 3];
        private static final int FROM_SINK = -2;

        Network(Graph graph) {
            this.graph = graph;
            Arrays.fill(colOf, -1);
            Arrays.fill(head, -1);
            Arrays.fill(dist, Long.MAX_VALUE);
            for (int j = 0; j <= m; j++) {
                updateTie(j);
            }
            tie[sink] = Integer.MIN_VALUE;
        }

        private boolean hasRoom(int j) {
            return j == skip || flow[j] < cap[j];
        }

        private int deficit(int j) {
            return flow[j] - rowsIn[j];
        }

        /** Among equally distant columns, ones that end a search come out of the heap first. */
        private void updateTie(int j) {
            tie[j] = deficit(j) > 0 ? j - 2 * (m + 2) : hasRoom(j) ? j - (m + 2) : j;
        }

        private long cost(int arc) {
            return -(alpha * graph.score[arc] + beta);
        }

        int[] mentorOfMentee() {
            int[] out = colOf.clone();
            for (int i = 0; i < out.length; i++) {
                if (out[i] == skip) {
                    out[i] = Assignment.UNMATCHED;
                }
            }
            return out;
        }

        /**
         * Starts from the auction's state: its holders assigned, each mentor's potential minus its
         * price (0 for a mentor with room, so it sits at the sink's potential as a mentor with room
         * must); every holder is at its best arc under those prices, so all reduced costs hold.
         */
        boolean[] seed(Auction auction) {
            for (int j = 0; j < m; j++) {
                v[j] = -auction.price(j);
            }
            boolean[] shortOf = new boolean[n];
            for (int i = 0; i < n; i++) {
                int e = auction.arcOf[i];
                if (e >= 0) {
                    flow[graph.col[e]]++;
                    if (auction.isShort(i)) {
                        shortOf[i] = true; // its place stays a deficit for its own search
                    } else {
                        move(i, graph.col[e], e);
                    }
                }
            }
            for (int j = 0; j <= m; j++) {
                updateTie(j);
            }
            return shortOf;
        }

        /** Takes mentee {@code r} off its mentor, leaving the mentor a deficit to fill. */
        void unassign(int r) {
            int c = colOf[r];
            unlink(r, c, head, next, prev);
            rowsIn[c]--;
            colOf[r] = -1;
            updateTie(c);
            forgetDead(); // a deficit is a new way out
        }

        /** Routes free mentee {@code i} along a shortest augmenting path. */
        void insert(int i) {
            final int[] start = graph.start;
            final int[] arcCol = graph.col;
            final int[] arcScore = graph.score;
            final long a = alpha;
            final long b = beta;
            // Fast path: the cheapest first arc already ends the search.
            int best = skip;
            long bestD = -v[skip];
            int bestArc = -1;
            for (int e = start[i], end = start[i + 1]; e < end; e++) {
                int j = arcCol[e];
                long d = -(a * arcScore[e] + b) - v[j];
                if (d < bestD || (d == bestD && j < best)) {
                    best = j;
                    bestD = d;
                    bestArc = e;
                }
            }
            if (deficit(best) > 0) {
                move(i, best, bestArc);
                updateTie(best);
                return;
            }
            if (hasRoom(best) && v[best] == vSink && sinkDemand > 0) {
                move(i, best, bestArc);
                flow[best]++;
                sinkDemand--;
                updateTie(best);
                return;
            }
            if (lastSettled >= tightRoutesAfter && routeTight(i, bestD)) {
                return;
            }

            fullSearches++;
            int touchedCount = 0;
            int settledCount = 0;
            for (int e = start[i], end = start[i + 1]; e < end; e++) {
                int j = arcCol[e];
                long d = -(a * arcScore[e] + b) - v[j];
                if (d < dist[j]) {
                    if (dist[j] == Long.MAX_VALUE) {
                        touched[touchedCount++] = j;
                    }
                    dist[j] = d;
                    pred[j] = i;
                    predArc[j] = e;
                    heap.decreased(j);
                }
            }
            if (-v[skip] < dist[skip]) {
                if (dist[skip] == Long.MAX_VALUE) {
                    touched[touchedCount++] = skip;
                }
                dist[skip] = -v[skip];
                pred[skip] = i;
                predArc[skip] = -1;
                heap.decreased(skip);
            }
            touched[touchedCount++] = sink;

            int endNode;
            while (true) {
                int x = heap.pop();
                long dx = dist[x];
                if (x == sink) {
                    if (sinkDemand > 0) {
                        endNode = sink;
                        break;
                    }
                    isSettled[sink] = true;
                    settled[settledCount++] = sink;
                    // back along the sink arcs of columns that send flow
                    for (int c = 0; c <= m; c++) {
                        if (flow[c] > 0 && !isSettled[c]) {
                            long d = dx + vSink - v[c];
                            if (d < dist[c]) {
                                if (dist[c] == Long.MAX_VALUE) {
                                    touched[touchedCount++] = c;
                                }
                                dist[c] = d;
                                pred[c] = FROM_SINK;
                                heap.decreased(c);
                            }
                        }
                    }
                    continue;
                }
                int j = x;
                if (deficit(j) > 0) {
                    endNode = j;
                    break;
                }
                if (hasRoom(j)) {
                    long viaJ = dx + (v[j] - vSink);
                    if (viaJ < dist[sink]) {
                        dist[sink] = viaJ;
                        pred[sink] = j;
                        heap.decreased(sink);
                    }
                    if (viaJ == dx && sinkDemand > 0) {
                        endNode = sink; // the sink is at the same distance: nothing is closer
                        break;
                    }
                }
                isSettled[j] = true;
                settled[settledCount++] = j;
                long vj = v[j];
                for (int r = head[j]; r >= 0; r = next[r]) {
                    // u_r = rowCost[r] - v[j]; reaching r costs dx, then arc (r, j2) costs
                    // c - u_r - v[j2]
                    long base = dx - (rowCost[r] - vj);
                    for (int e = start[r], end = start[r + 1]; e < end; e++) {
                        int j2 = arcCol[e];
                        if (isSettled[j2]) {
                            continue;
                        }
                        long d = base - (a * arcScore[e] + b) - v[j2];
                        if (d < dist[j2]) {
                            if (dist[j2] == Long.MAX_VALUE) {
                                touched[touchedCount++] = j2;
                            }
                            dist[j2] = d;
                            pred[j2] = r;
                            predArc[j2] = e;
                            heap.decreased(j2);
                        }
                    }
                    if (j != skip && !isSettled[skip]) {
                        long d = base - v[skip];
                        if (d < dist[skip]) {
                            if (dist[skip] == Long.MAX_VALUE) {
                                touched[touchedCount++] = skip;
                            }
                            dist[skip] = d;
                            pred[skip] = r;
                            predArc[skip] = -1;
                            heap.decreased(skip);
                        }
                    }
                }
            }

            long dEnd = dist[endNode];
            settledColumns += settledCount;
            lastSettled = settledCount;
            for (int s = 0; s < settledCount; s++) {
                int x = settled[s];
                if (x == sink) {
                    vSink += dist[x] - dEnd;
                } else {
                    v[x] += dist[x] - dEnd;
                }
                isSettled[x] = false;
            }
            // Walk back from the end, applying each arc of the path.
            int cur = endNode;
            if (endNode == sink) {
                sinkDemand--;
            }
            while (true) {
                if (cur == sink) {
                    int k = pred[sink];
                    flow[k]++;
                    updateTie(k);
                    cur = k;
                    continue;
                }
                int p = pred[cur];
                if (p == FROM_SINK) {
                    flow[cur]--;
                    updateTie(cur);
                    cur = sink;
                    continue;
                }
                int old = colOf[p];
                move(p, cur, predArc[cur]);
                updateTie(cur);
                if (p == i) {
                    break;
                }
                cur = old;
            }
            heap.clear();
            for (int t = 0; t < touchedCount; t++) {
                dist[touched[t]] = Long.MAX_VALUE;
            }
            forgetDead(); // the potentials moved: a column without a way out may have one now
        }

        /** After the potentials, the arcs or the deficits change. */
        void forgetDead() {
            for (int t = 0; t < deadCount; t++) {
                dead[deadColumns[t]] = false;
            }
            deadCount = 0;
        }

        /**
         * Routes free mentee {@code i} along a path of tight arcs (reduced cost 0) to an end, if
         * there is one, without a search: {@code i} starts along an arc of value {@code u} (its
         * best), and each mentee it displaces leaves along another best arc of its own. Such a path
         * is a shortest one, so the potentials stay as they are. On tied scores, one search raises
         * the prices of a whole plateau of equally priced mentors and opens as many tight ways out
         * as there are mentees on it at the same margin; the next mentees take those instead of
         * flooding the plateau again. A column found without a way out stays so (its arcs and the
         * ones it reaches do not change) until the next search moves the potentials.
         */
        private boolean routeTight(int i, long u) {
            final int[] start = graph.start;
            final int[] arcCol = graph.col;
            final int[] arcScore = graph.score;
            final long a = alpha;
            final long b = beta;
            // staying unmatched ends a path when the sink wants flow and "unmatched" sits at its
            // potential: then any mentee whose margin is 0 may leave for it
            boolean skipEnds = sinkDemand > 0 && v[skip] == vSink;
            int depth = 0;
            frameRow[0] = i;
            frameArc[0] = start[i];
            frameU[0] = u;
            frameCol[0] = -1;
            while (depth >= 0) {
                int r = frameRow[depth];
                if (r < 0) {
                    int c = frameCol[depth--];
                    if (c >= 0) {
                        onPath[c] = false;
                        dead[c] = true;
                        deadColumns[deadCount++] = c;
                    }
                    continue;
                }
                int e = frameArc[depth]++;
                int j;
                if (e < start[r + 1]) {
                    j = arcCol[e];
                    if (dead[j] || onPath[j] || -(a * arcScore[e] + b) - v[j] != frameU[depth]) {
                        continue;
                    }
                } else if (e == start[r + 1] && frameCol[depth] != skip) {
                    j = skip;
                    e = -1;
                    if (dead[skip] || onPath[skip] || -v[skip] != frameU[depth]) {
                        continue;
                    }
                } else {
                    // the next mentee of this frame's column (a free mentee's frame has one)
                    int nr = depth == 0 ? -1 : next[r];
                    frameRow[depth] = nr;
                    if (nr >= 0) {
                        frameArc[depth] = start[nr];
                        frameU[depth] = rowCost[nr] - v[frameCol[depth]];
                    }
                    continue;
                }
                takenCol[depth] = j;
                takenArc[depth] = e;
                boolean toSink = deficit(j) <= 0 && hasRoom(j) && v[j] == vSink && sinkDemand > 0;
                if (deficit(j) > 0 || toSink) {
                    return apply(depth, j, toSink);
                }
                if (head[j] < 0) {
                    dead[j] = true;
                    deadColumns[deadCount++] = j;
                    continue;
                }
                // before going deeper: one of j's mentees with a margin of 0 ends the path at once
                if (skipEnds && j != skip && !onPath[skip]) {
                    long stay = -v[skip];
                    for (int q = head[j]; q >= 0; q = next[q]) {
                        if (rowCost[q] - v[j] == stay) {
                            frameRow[depth + 1] = q;
                            takenCol[depth + 1] = skip;
                            takenArc[depth + 1] = -1;
                            return apply(depth + 1, skip, true);
                        }
                    }
                }
                depth++;
                onPath[j] = true;
                frameCol[depth] = j;
                frameRow[depth] = head[j];
                frameArc[depth] = start[head[j]];
                frameU[depth] = rowCost[head[j]] - v[j];
            }
            return false;
        }

        /** Applies the path of frames {@code 0..depth} ending at column {@code end}. */
        private boolean apply(int depth, int end, boolean toSink) {
            for (int f = depth; f >= 0; f--) {
                if (f > 0) {
                    onPath[frameCol[f]] = false;
                }
                move(frameRow[f], takenCol[f], takenArc[f]);
                updateTie(takenCol[f]);
            }
            if (toSink) {
                flow[end]++;
                sinkDemand--;
                updateTie(end);
            }
            return true;
        }

        /** Mentee {@code r} leaves its column (if any) for column {@code c} through {@code arc}. */
        private void move(int r, int c, int arc) {
            int old = colOf[r];
            if (old >= 0) {
                unlink(r, old, head, next, prev);
                rowsIn[old]--;
                updateTie(old);
            }
            colOf[r] = c;
            rowCost[r] = c == skip ? 0 : cost(arc);
            link(r, c, head, next, prev);
            rowsIn[c]++;
        }
    }

    private static void link(int r, int c, int[] head, int[] next, int[] prev) {
        int h = head[c];
        next[r] = h;
        prev[r] = -1;
        if (h >= 0) {
            prev[h] = r;
        }
        head[c] = r;
    }

    private static void unlink(int r, int c, int[] head, int[] next, int[] prev) {
        int p = prev[r];
        int nx = next[r];
        if (p >= 0) {
            next[p] = nx;
        } else {
            head[c] = nx;
        }
        if (nx >= 0) {
            prev[nx] = p;
        }
    }

    /**
     * Pairs outside the candidate graph whose reduced cost is negative, per mentee as (column,
     * score) pairs, at most the {@code limit} most violated per mentee; {@code null} when there is
     * none, i.e. the solution is optimal for the whole matrix.
     */
    private int[][] violations(Network s, int limit) {
        int[][] extra = new int[n][];
        boolean[] any = new boolean[1];
        long[] v = s.v;
        int k = Math.min(limit, Math.max(1, m));
        Parallel.forEachBlock(
                n,
                BLOCK,
                threads,
                (worker, from, to) -> {
                    token.throwIfCancelled();
                    long[] amount = new long[k];
                    int[] col = new int[k];
                    for (int i = from; i < to; i++) {
                        int c = s.colOf[i];
                        long u = s.rowCost[i] - v[c];
                        // violated when cost - u - v[j] < 0, i.e. alpha*s + beta + u + v[j] > 0
                        long t = beta + u;
                        int found = 0;
                        int off = from(i);
                        int end = to(i);
                        for (int e = off; e < end; e++) {
                            int j = cols == null ? e - off : cols[e];
                            int sc = scores[e];
                            if (sc < floor) {
                                continue;
                            }
                            long x = alpha * sc + v[j] + t;
                            if (x > 0 && cap[j] > 0) {
                                // keep the k most violated in a min-heap (ties: lower column kept)
                                if (found < k) {
                                    int p = found++;
                                    while (p > 0) {
                                        int q = (p - 1) >>> 1;
                                        if (amount[q] < x || (amount[q] == x && col[q] > j)) {
                                            break;
                                        }
                                        amount[p] = amount[q];
                                        col[p] = col[q];
                                        p = q;
                                    }
                                    amount[p] = x;
                                    col[p] = j;
                                } else if (x > amount[0]) {
                                    int p = 0;
                                    while (true) {
                                        int l = 2 * p + 1;
                                        if (l >= k) {
                                            break;
                                        }
                                        int r = l + 1;
                                        int q =
                                                r < k
                                                                && (amount[r] < amount[l]
                                                                        || (amount[r] == amount[l]
                                                                                && col[r] > col[l]))
                                                        ? r
                                                        : l;
                                        if (amount[q] > x || (amount[q] == x && col[q] < j)) {
                                            break;
                                        }
                                        amount[p] = amount[q];
                                        col[p] = col[q];
                                        p = q;
                                    }
                                    amount[p] = x;
                                    col[p] = j;
                                }
                            }
                        }
                        if (found > 0) {
                            any[0] = true;
                            int[] pairs = new int[2 * found];
                            int[] sorted = Arrays.copyOf(col, found);
                            Arrays.sort(sorted);
                            for (int e = 0; e < found; e++) {
                                pairs[2 * e] = sorted[e];
                                pairs[2 * e + 1] = rows.score(i, sorted[e]);
                            }
                            extra[i] = pairs;
                        }
                    }
                });
        return any[0] ? extra : null;
    }
}

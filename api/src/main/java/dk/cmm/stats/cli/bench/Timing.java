package dk.cmm.stats.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Medians and a bounded closed-loop load: what the benchmark measures with. */
final class Timing {

    private Timing() {
    }

    /** Milliseconds one run of the task takes. */
    static double millis(Runnable task) {
        long start = System.nanoTime();
        task.run();
        return (System.nanoTime() - start) / 1e6;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * Medians of two tasks timed alternately (a, b, a, b, ...) after warm-up runs, so that drift (the JIT, the
     * garbage collector, a neighbour's load) falls on both alike.
     */
    static double[] alternatingMedians(Runnable a, Runnable b, int warmups, int runs) {
        for (int i = 0; i < warmups; i++) {
            a.run();
            b.run();
        }
        List<Double> timesA = new ArrayList<>();
        List<Double> timesB = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            timesA.add(millis(a));
            timesB.add(millis(b));
        }
        return new double[] { median(timesA), median(timesB) };
    }

    /**
     * Requests per second and the median latency of a closed-loop load, and the CPU time this process spent per
     * request (server and clients together): unlike the rate, that does not depend on what else the machine runs.
     */
    record Throughput(int requests, double seconds, double perSecond, double medianMillis, double cpuMillisPerRequest) {

        /** The rate this process would reach with every core to itself. */
        double perSecondOnIdleCores() {
            return Runtime.getRuntime().availableProcessors() * 1000 / cpuMillisPerRequest;
        }
    }

    /** CPU time this process has used, in nanoseconds (-1 when the JVM cannot tell). */
    static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    /**
     * {@code clients} threads each send requests one after the other until {@code total} requests are done or
     * {@code maxSeconds} have passed, whichever comes first; a failed request stops the run.
     */
    static Throughput load(int clients, int total, double maxSeconds, Runnable request) {
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<List<Double>> latencies = new ArrayList<>();
        CountDownLatch finished = new CountDownLatch(clients);
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        long deadline = start + (long) (maxSeconds * 1e9);
        for (int c = 0; c < clients; c++) {
            List<Double> mine = new ArrayList<>();
            latencies.add(mine);
            Thread thread = new Thread(() -> {
                try {
                    while (failure.get() == null && System.nanoTime() < deadline
                            && issued.incrementAndGet() <= total) {
                        mine.add(millis(request));
                        done.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished.countDown();
                }
            }, "bench-client-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMillis = (processCpuNanos() - cpuStart) / 1e6;
        if (failure.get() != null) {
            throw failure.get();
        }
        List<Double> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        return new Throughput(done.get(), seconds, done.get() / seconds, all.isEmpty() ? 0 : median(all),
                cpuMillis / Math.max(1, done.get()));
    }
}

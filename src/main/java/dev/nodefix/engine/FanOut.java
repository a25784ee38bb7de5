package dev.nodefix.engine;

import dev.nodefix.inventory.Host;
import dev.nodefix.transport.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a per-host task on many hosts, at most {@code forks} at a time, each host in its own task so a slow
 * or hanging host holds back nobody else. Results come back in input order; every failure is an outcome,
 * never an exception. The thread pool lives for one {@link #run} call.
 */
public final class FanOut {
    private final int forks;

    public FanOut(int forks) {
        if (forks < 1) {
            throw new IllegalArgumentException("forks must be at least 1: " + forks);
        }
        this.forks = forks;
    }

    public <T> List<HostOutcome<T>> run(List<Host> hosts, Function<Host, T> task) {
        return run(hosts, task, outcome -> { });
    }

    /**
     * @param progress told about each host as it finishes, in completion order, always on the calling
     *                 thread (it need not be thread-safe)
     */
    public <T> List<HostOutcome<T>> run(List<Host> hosts, Function<Host, T> task, Consumer<HostOutcome<T>> progress) {
        if (hosts.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(forks, hosts.size()), threads());
        try {
            CompletionService<Indexed<T>> done = new ExecutorCompletionService<>(pool);
            List<Future<Indexed<T>>> futures = new ArrayList<>();
            for (int i = 0; i < hosts.size(); i++) {
                int index = i;
                futures.add(done.submit(() -> new Indexed<>(index, attempt(hosts.get(index), task))));
            }
            return collect(hosts, futures, done, progress);
        } finally {
            pool.shutdownNow();
        }
    }

    private <T> List<HostOutcome<T>> collect(List<Host> hosts, List<Future<Indexed<T>>> futures,
                                             CompletionService<Indexed<T>> done, Consumer<HostOutcome<T>> progress) {
        List<HostOutcome<T>> results = new ArrayList<>(Collections.nCopies(hosts.size(), null));
        try {
            for (int remaining = hosts.size(); remaining > 0; remaining--) {
                Indexed<T> next = done.take().get();
                results.set(next.index(), next.outcome());
                progress.accept(next.outcome());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(f -> f.cancel(true));
            fillUnfinished(hosts, results, new CancellationException("run interrupted before this host finished"));
        } catch (ExecutionException e) { // attempt() catches every RuntimeException: this is an Error
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a fan-out task escaped its own error handling", e.getCause());
        }
        return List.copyOf(results);
    }

    private static <T> HostOutcome<T> attempt(Host host, Function<Host, T> task) {
        long start = System.nanoTime();
        try {
            T value = task.apply(host);
            return new HostOutcome.Succeeded<>(host, value, since(start));
        } catch (TransportException e) {
            return new HostOutcome.Failed<>(host, e, since(start));
        } catch (RuntimeException e) {
            return new HostOutcome.Crashed<>(host, e, since(start));
        }
    }

    private static <T> void fillUnfinished(List<Host> hosts, List<HostOutcome<T>> results, RuntimeException why) {
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) == null) {
                results.set(i, new HostOutcome.Crashed<>(hosts.get(i), why, Duration.ZERO));
            }
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "nodefix-fanout-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private record Indexed<T>(int index, HostOutcome<T> outcome) {
    }
}

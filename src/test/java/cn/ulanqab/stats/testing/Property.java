package cn.ulanqab.stats.testing;

import java.util.Random;
import java.util.function.Function;

/**
 * A small property-based testing harness on plain JUnit: a property is checked on {@code tries} inputs made
 * by a generator from a seeded {@link Random}, so every failure names the seed and try that reproduce it.
 * Set {@code -Dproperty.seed=N} to replay a reported seed.
 */
public final class Property {

    /** A check on one generated input. */
    @FunctionalInterface
    public interface Check<T> {
        void check(T input) throws Exception;
    }

    private Property() {
    }

    public static <T> void forAll(int tries, Function<Random, T> generator, Check<T> property) {
        long seed = Long.getLong("property.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int i = 0; i < tries; i++) {
            T input = generator.apply(random);
            try {
                property.check(input);
            } catch (Throwable e) {
                throw new AssertionError("property failed on try " + (i + 1) + " of " + tries + " (replay with -Dproperty.seed="
                        + seed + ") for input: " + describe(input) + "\n" + e, e);
            }
        }
    }

    private static String describe(Object input) {
        String text = String.valueOf(input);
        return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
    }
}

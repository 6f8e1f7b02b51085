package cn.ulanqab.stats.testing;

import java.util.Random;
import java.util.function.Function;

/**
 * A small property-based testing harness on plain JUnit: a property is checked on {@code tries} inputs made
 * by a generator from a seeded {@link Random}, so every failure names the seed and try that reproduce it.
 * Set {@code -Dproperty.seed=N} to replay a reported seed. The default seed is fixed so that CI is repeatable;
 * {@code -Dproperty.seed=random} explores new inputs on each run.
 */
public final class Property {

    /** The seed of every property test unless {@code -Dproperty.seed} says otherwise. */
    static final long DEFAULT_SEED = 20_231_127L;

    /** A check on one generated input. */
    @FunctionalInterface
    public interface Check<T> {
        void check(T input) throws Exception;
    }

    private Property() {
    }

    public static <T> void forAll(int tries, Function<Random, T> generator, Check<T> property) {
        String configured = System.getProperty("property.seed", String.valueOf(DEFAULT_SEED));
        long seed = configured.equals("random") ? System.nanoTime() : Long.parseLong(configured);
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

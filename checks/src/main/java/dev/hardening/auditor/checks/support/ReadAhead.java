package dev.hardening.auditor.checks.support;

import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.model.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Goes through a check's subjects one by one, as before, after asking the facts layer to run the
 * same per-subject evaluation ahead on its background threads. The evaluation is a pure function
 * of facts, so reading it ahead asks for exactly the facts the walk will read, several subjects
 * at once, and the walk then finds them collected or in flight. Its findings are the walk's own.
 */
public final class ReadAhead {
    private ReadAhead() {
    }

    /**
     * The results of {@code evaluate} for each subject, in order.
     *
     * @param lane the platform whose hosts the evaluation mostly reads from
     */
    public static <S, R> List<R> each(CheckContext context, Platform lane, List<S> subjects, Function<? super S, ? extends R> evaluate) {
        return ReadAhead.<S, R>start(context, lane, subjects, evaluate).results();
    }

    /**
     * Asks for the read-ahead now and returns the walk, to be taken later: a check that goes through
     * another platform's subjects first starts this platform's reads before it, so that neither
     * platform's hosts wait for the other's.
     */
    public static <S, R> Walk<S, R> start(CheckContext context, Platform lane, List<S> subjects, Function<? super S, ? extends R> evaluate) {
        context.facts().readAhead(lane, subjects, evaluate::apply);
        return new Walk<>(List.copyOf(subjects), evaluate);
    }

    /** Subjects whose reads were started; {@link #results} evaluates them in order on the caller's thread. */
    public static final class Walk<S, R> {
        private final List<S> subjects;
        private final Function<? super S, ? extends R> evaluate;

        private Walk(List<S> subjects, Function<? super S, ? extends R> evaluate) {
            this.subjects = subjects;
            this.evaluate = evaluate;
        }

        public List<R> results() {
            List<R> out = new ArrayList<>(subjects.size());
            for (S subject : subjects) {
                out.add(evaluate.apply(subject));
            }
            return out;
        }
    }
}

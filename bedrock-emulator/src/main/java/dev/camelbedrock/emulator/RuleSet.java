package dev.camelbedrock.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The ordered, thread-safe list of reply rules of one emulator; the first matching rule wins. */
public final class RuleSet {

    private final CopyOnWriteArrayList<Rule> rules = new CopyOnWriteArrayList<>();

    /** Appends a rule (evaluated after the existing ones). */
    public RuleSet add(Rule rule) {
        rules.add(rule);
        return this;
    }

    /** Inserts a rule before all existing ones. */
    public RuleSet addFirst(Rule rule) {
        rules.add(0, rule);
        return this;
    }

    /** Replaces all rules. */
    public RuleSet set(List<Rule> newRules) {
        synchronized (rules) {
            rules.clear();
            rules.addAll(newRules);
        }
        return this;
    }

    public RuleSet clear() {
        rules.clear();
        return this;
    }

    /** A snapshot of the rules in order. */
    public List<Rule> list() {
        return new ArrayList<>(rules);
    }

    public int size() {
        return rules.size();
    }
}

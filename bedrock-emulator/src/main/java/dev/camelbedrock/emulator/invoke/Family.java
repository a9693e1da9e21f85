package dev.camelbedrock.emulator.invoke;

/** The native body dialect of a group of models: how InvokeModel reads their request and writes their answer. */
abstract class Family {

    /** A short stable name, e.g. {@code anthropic-messages} (README, tests). */
    abstract String name();

    /** Whether InvokeModelWithResponseStream can serve this family (text families only). */
    boolean streams() {
        return false;
    }
}

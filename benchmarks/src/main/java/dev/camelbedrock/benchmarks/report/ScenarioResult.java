package dev.camelbedrock.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What one scenario found: its headline figure against its target, the rows of the report table (baseline, subject,
 * ratio), every phase's raw numbers, and the machine load while it ran. A scenario that failed says why
 * ({@link #failed}).
 */
public final class ScenarioResult {

    public static final String MEASURED = "measured";
    public static final String FAILED = "failed";

    /** One line of the report table; baseline and subject are already formatted with their unit. */
    public record Row(String metric, String baseline, String subject, Double ratio, String note) {
    }

    private final String id;
    private final String title;
    private String status = MEASURED;
    private String reason;
    private String target;
    private String headlineLabel;
    private Double headline;
    private Boolean met;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final ObjectNode parameters = Json.object();
    private final ArrayNode phases = Json.array();
    private final String loadavgStart = Machine.loadavg();
    private String loadavgEnd;
    private final long startNanos = System.nanoTime();
    private double seconds;

    public ScenarioResult(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public ScenarioResult failed(Throwable e) {
        status = FAILED;
        reason = e.toString();
        return this;
    }

    public ScenarioResult target(String text) {
        this.target = text;
        return this;
    }

    /** The figure the target is about, and whether it was met (null: no target for it). */
    public ScenarioResult headline(String label, double value, Boolean met) {
        this.headlineLabel = label;
        this.headline = value;
        this.met = met;
        return this;
    }

    public ScenarioResult row(String metric, String baseline, String subject, Double ratio, String note) {
        rows.add(new Row(metric, baseline, subject, ratio, note));
        return this;
    }

    public ScenarioResult note(String text) {
        notes.add(text);
        return this;
    }

    public ObjectNode parameters() {
        return parameters;
    }

    /** Adds a phase's raw numbers (one run of one subject; call it when the run ended), stamped with the load now. */
    public ObjectNode phase(String subject) {
        ObjectNode p = phases.addObject();
        p.put("subject", subject);
        p.put("loadavg", Machine.loadavg());
        return p;
    }

    public ScenarioResult finish() {
        loadavgEnd = Machine.loadavg();
        seconds = (System.nanoTime() - startNanos) / 1e9;
        return this;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public String target() {
        return target;
    }

    public String headlineLabel() {
        return headlineLabel;
    }

    public Double headline() {
        return headline;
    }

    public Boolean met() {
        return met;
    }

    public List<Row> rows() {
        return rows;
    }

    public List<String> notes() {
        return notes;
    }

    public ArrayNode phases() {
        return phases;
    }

    public String loadavgStart() {
        return loadavgStart;
    }

    public String loadavgEnd() {
        return loadavgEnd;
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("title", title);
        n.put("status", status);
        n.put("reason", reason);
        n.put("target", target);
        n.put("headlineLabel", headlineLabel);
        if (headline != null) {
            n.put("headline", headline);
        }
        if (met != null) {
            n.put("met", met);
        }
        n.put("loadavgStart", loadavgStart);
        n.put("loadavgEnd", loadavgEnd);
        n.put("seconds", seconds);
        n.set("parameters", parameters);
        ArrayNode r = n.putArray("rows");
        for (Row row : rows) {
            ObjectNode o = r.addObject();
            o.put("metric", row.metric());
            o.put("baseline", row.baseline());
            o.put("subject", row.subject());
            if (row.ratio() != null) {
                o.put("ratio", row.ratio());
            }
            o.put("note", row.note());
        }
        ArrayNode ns = n.putArray("notes");
        notes.forEach(ns::add);
        n.set("phases", phases);
        return n;
    }
}

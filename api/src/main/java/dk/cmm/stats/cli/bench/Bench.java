package dk.cmm.stats.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;

import dk.cmm.stats.CmmStatsApplication;
import dk.cmm.stats.codebook.Lang;
import dk.cmm.stats.disclosure.Publication;
import dk.cmm.stats.disclosure.Release;
import dk.cmm.stats.hotline.HotlineCall;
import dk.cmm.stats.importer.FileImporter;
import dk.cmm.stats.importer.ImportFile;
import dk.cmm.stats.importer.ImportProgress;
import dk.cmm.stats.importer.ImportReport;
import dk.cmm.stats.importer.RecordKind;
import dk.cmm.stats.importer.SyntheticData;
import dk.cmm.stats.outreach.OutreachActivity;
import dk.cmm.stats.outreach.Programme;
import dk.cmm.stats.person.Person;
import dk.cmm.stats.report.ExportRun;
import dk.cmm.stats.report.ReportExporter;
import dk.cmm.stats.security.ApiTokens;
import dk.cmm.stats.security.Role;
import dk.cmm.stats.stats.DirectQueries;
import dk.cmm.stats.stats.PersonDimension;
import dk.cmm.stats.stats.PersonFilter;
import dk.cmm.stats.stats.StatsService;
import dk.cmm.stats.storage.DataVersion;
import dk.cmm.stats.storage.MongoEndpoint;
import dk.cmm.stats.storage.RecordWriter;
import dk.cmm.stats.storage.StorageProperties;
import dk.cmm.stats.yearnote.YearNote;

/**
 * {@code cmm-stats bench}: fills a database of its own with synthetic data, then measures, in this one process and
 * on that one server, what the issue asks: (1) a {@code personStats} breakdown over GraphQL/HTTP against the very
 * same aggregations run with the driver; (2) that query repeated by 16 concurrent clients with the result cache and
 * without; (3) a CSV import against raw {@code insertMany}; (4) exporting the report. Two application instances run
 * side by side on the same database, one with the cache and one without, each serving HTTP on a loopback port.
 */
public final class Bench {

    /** The measured breakdown: two dimensions and a year range, as a dashboard asks. */
    static final List<PersonDimension> GROUP_BY = List.of(PersonDimension.REGION, PersonDimension.EXPLOITATION);
    static final String QUERY = """
            { personStats(filter: {assessmentYears: [%s]}, groupBy: [REGION, EXPLOITATION]) {
                total groups { key { dimension code } count share } age { count min max mean median } } }""";

    /**
     * @param persons   persons to generate (activities half as many, hotline calls a quarter)
     * @param mongoUri  a MongoDB to use instead of the embedded default (its database {@code cmm_bench}), or null
     * @param clients   concurrent clients of the throughput test
     * @param requests  requests of the cached throughput test (the uncached one sends 2 per client)
     * @param runs      timed runs per median
     * @param springArgs further Spring arguments for both application instances (e.g. the embedded backend)
     */
    public record Options(int persons, String mongoUri, int clients, int requests, int runs, Path json,
            List<String> springArgs, java.util.Set<Part> parts) {
    }

    /** The measurements, to run a subset of them (e.g. only the aggregation when comparing backends). */
    public enum Part { API, CACHE, IMPORT, EXPORT, ANONYMOUS }

    /** What a caller without a token asks (one year, one dimension: within the disclosure limits). */
    static final int ANONYMOUS_YEAR = 2012;
    static final String ANONYMOUS_QUERY = """
            { personStats(filter: {assessmentYears: [2012]}, groupBy: [REGION]) {
                total groups { key { dimension code } count } } }""";

    private final Options options;
    private final PrintWriter out;
    private final BenchReport report;
    private final List<Integer> years = IntStream.rangeClosed(2010, 2019).boxed().toList();

    public Bench(Options options, PrintWriter out) {
        this.options = options;
        this.out = out;
        this.report = new BenchReport(out);
    }

    /** Runs the benchmark; {@code generateProgress} hears of each generated chunk, {@code generated} of the end. */
    public BenchReport run(IntConsumer generateProgress, Runnable generated) {
        Path dataDir = null;
        try {
            dataDir = options.mongoUri() == null ? Files.createTempDirectory("cmm-bench-") : null;
            List<String> common = commonArgs(dataDir);
            try (ConfigurableApplicationContext cached = start(common, true)) {
                MongoEndpoint endpoint = cached.getBean(MongoEndpoint.class);
                report.setup("machine", machine());
                report.setup("database", endpoint.describe() + (endpoint.isEmbedded() ? " (H2 file, %d MB page cache)"
                        .formatted(cached.getBean(StorageProperties.class).embeddedCacheMb()) : ""));
                report.setup("heap", "max %,d MB".formatted(Runtime.getRuntime().maxMemory() / (1024 * 1024)));
                generate(cached, generateProgress);
                generated.run();
                try (ConfigurableApplicationContext uncached = start(common, false);
                        MongoClient driver = MongoClients.create(endpoint.connectionString())) {
                    int cachedPort = port(cached);
                    int uncachedPort = port(uncached);
                    // an analyst's token: anonymous callers get disclosure control and a rate limit, not the API
                    String token = cached.getBean(ApiTokens.class).create("bench", Role.ANALYST, "bench").secret();
                    GraphQlClient uncachedClient = new GraphQlClient(uncachedPort, query(), token);
                    GraphQlClient cachedClient = new GraphQlClient(cachedPort, query(), token);
                    MongoDatabase database = driver.getDatabase(endpoint.connectionString().getDatabase());
                    if (options.parts().contains(Part.API)) {
                        part("1.ratio", "(1) GraphQL / driver", () -> {
                            apiVersusDriver(uncachedClient, database.getCollection(DirectQueries.PERSONS),
                                    uncached.getBean(StatsService.class));
                            report.note("1.plan", "query plan of the groups' pipeline (explain)", endpoint.isEmbedded()
                                    ? "none: the embedded server has no query planner and scans (no explain); "
                                            + "with --mongodb-uri this row shows the winning plan"
                                    : Explain.winningPlan(database, DirectQueries.PERSONS,
                                            DirectQueries.personStats(filter(), GROUP_BY)));
                        });
                    }
                    if (options.parts().contains(Part.CACHE)) {
                        part("2.ratio", "(2) cached / uncached throughput", () -> cachedVersusUncached(cachedClient,
                                new GraphQlClient(cachedPort, query(), token, true), uncachedClient,
                                cached.getBean(DataVersion.class)));
                    }
                    if (options.parts().contains(Part.EXPORT)) {
                        part("4.all", "(4) export", () -> export(cached.getBean(ReportExporter.class)));
                    }
                    if (options.parts().contains(Part.ANONYMOUS)) {
                        String caseworker = cached.getBean(ApiTokens.class).create("bench writer", Role.CASEWORKER,
                                "bench").secret();
                        part("5.afterWrite", "(5) anonymous answers", () -> anonymousAfterWrite(cachedPort,
                                caseworker, cached.getBean(Publication.class)));
                    }
                    // last: it inserts and deletes twice the persons and fills the heap with a workbook, which left
                    // the store's page cache and the heap in a state no real store is in (the 2012 export right
                    // after it took 4.1 s where it takes 2 s on the store as generated)
                    if (options.parts().contains(Part.IMPORT)) {
                        part("3.ratio", "(3) CSV import / raw insertMany", () -> importVersusInsertMany(
                                cached.getBean(FileImporter.class), database));
                        part("3.xlsx", "(3) .xlsx dump and import in bounded memory", () -> XlsxBench.run(
                                cached.getBean(dk.cmm.stats.importer.RecordDumper.class),
                                cached.getBean(FileImporter.class), report));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dataDir != null) {
                deleteQuietly(dataDir);
            }
        }
        report.print(out);
        report.writeJson(options.json());
        out.println();
        out.println("Written to " + options.json());
        out.flush();
        return report;
    }

    /** A measurement that may fail: the failure becomes a row saying why, and the other parts still run. */
    private void part(String id, String what, Measurement measurement) {
        try {
            measurement.run();
        } catch (Exception e) {
            report.skipped(id, what, "skipped: failed: " + e.getMessage());
        }
    }

    private interface Measurement {
        void run() throws Exception;
    }

    private List<String> commonArgs(Path dataDir) {
        List<String> args = new ArrayList<>();
        args.add("--server.address=127.0.0.1");
        args.add("--server.port=0");
        // the protected tables would be built while the generator still writes ("the data changed while the tables
        // were built"); part 5 builds them with the first anonymous question, once the writes have stopped
        args.add("--cmm.disclosure.warm-up=false");
        if (dataDir != null) {
            args.add("--cmm.data-dir=" + dataDir);
        } else {
            args.add("--spring.mongodb.uri=" + options.mongoUri());
        }
        args.addAll(options.springArgs());
        return args;
    }

    private static ConfigurableApplicationContext start(List<String> common, boolean cache) {
        List<String> args = new ArrayList<>(common);
        args.add("--cmm.stats.cache.enabled=" + cache);
        return new SpringApplicationBuilder(CmmStatsApplication.class).web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF).profiles("batch").run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private void generate(ConfigurableApplicationContext context, IntConsumer progress) {
        SyntheticData.Plan plan = new SyntheticData.Plan(options.persons(), options.persons() / 2,
                options.persons() / 4, 2002, 2025, 42);
        long start = System.nanoTime();
        Map<RecordKind, RecordWriter.WriteCounts> counts = context.getBean(SyntheticData.class).write(plan, progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        report.setup("data", "%,d persons, %,d outreach activities, %,d hotline calls, 2002-2025, seed 42 (plus the bundled data)"
                .formatted(plan.persons(), plan.activities(), plan.calls()));
        report.info("0.gen", "generate: validated upserts in chunks of " + SyntheticData.CHUNK, plan.total() / seconds,
                "rows/s", "%,d rows in %.1f s; %s".formatted(plan.total(), seconds, counts.get(RecordKind.PERSONS)));
    }

    /** (1) personStats over GraphQL/HTTP (no cache) against the same aggregations through the driver. */
    private void apiVersusDriver(GraphQlClient api, MongoCollection<Document> persons, StatsService service) {
        PersonFilter filter = filter();
        Runnable direct = () -> DirectQueries.runPersonStats(persons, filter, GROUP_BY);
        double[] medians = Timing.alternatingMedians(api::send, direct, 3, options.runs());
        String note = "median of %d, alternating; years %d-%d, groupBy REGION, EXPLOITATION"
                .formatted(options.runs(), years.get(0), years.get(years.size() - 1));
        report.info("1.api", "personStats over GraphQL/HTTP, uncached", medians[0], "ms", note);
        report.info("1.driver", "same aggregations with the driver", medians[1], "ms", note);
        double[] inProcess = Timing.alternatingMedians(() -> service.personStats(filter, GROUP_BY, false), direct, 2,
                options.runs());
        report.info("1.service", "StatsService in-process (no HTTP), uncached", inProcess[0], "ms",
                "where the API's time goes: the service vs HTTP and GraphQL (driver alongside: %s ms)"
                        .formatted(BenchReport.format(inProcess[1])));
        report.target("1.ratio", "(1) GraphQL / driver", medians[0] / medians[1], "x", true, 1.2,
                "the API's overhead on the aggregation");
        InMemoryFloor floor = InMemoryFloor.load(persons, years);
        List<Double> floorRuns = new ArrayList<>();
        for (int i = 0; i < options.runs() + 3; i++) {
            floorRuns.add(Timing.millis(floor::breakdown));
        }
        double floorMillis = Timing.median(floorRuns.subList(3, floorRuns.size()));
        report.info("1.floor", "same breakdown in plain Java over the documents in memory", floorMillis, "ms",
                "median of %d after 3 warm-up; %,d documents held in a List, %,d matched, %d groups (the limit)"
                        .formatted(options.runs(), floor.documents(), floor.matched(), floor.groups()));
        report.target("1.floorx", "(1) GraphQL uncached / plain-Java floor", medians[0] / floorMillis, "x", true, 3,
                "how far the API's aggregation is from the floor (an aim, not a promise)");
    }

    /**
     * (5) Callers without a token are answered from published releases: the first anonymous answer once the data
     * stands, a repeat, the first anonymous answer after one person is written through the API (the release stands,
     * so the answer does not change), then the time to publish the year again (its protected tables built from the
     * data as it now is: {@link Publication#publish(int, String)}, what {@code cmm-stats publish} and {@code export}
     * call) and the first anonymous answer from that new release. Each answer is timed over HTTP without a token.
     */
    private void anonymousAfterWrite(int port, String caseworkerToken, Publication publication) {
        GraphQlClient anonymous = new GraphQlClient(port, ANONYMOUS_QUERY, null);
        double first = Timing.millis(anonymous::send);
        double repeat = Timing.millis(anonymous::send);
        String write = """
                mutation { createPerson(input: {caseRef: "%d-B%07d", assessmentYear: %d, assessedBy: CMM,
                    gender: FEMALE}) { caseRef } }""".formatted(ANONYMOUS_YEAR,
                1 + (System.nanoTime() & 0xFFFFF) % 9_999_999, ANONYMOUS_YEAR);
        double writeMillis = Timing.millis(new GraphQlClient(port, write, caseworkerToken)::send);
        String before = anonymous.send();
        double afterWrite = Timing.millis(anonymous::send);
        report.info("5.first", "first anonymous answer once the data stands", first, "ms",
                "over HTTP without a token (%d by REGION), from the year's published release".formatted(
                        ANONYMOUS_YEAR));
        report.info("5.repeat", "the same anonymous question again", repeat, "ms", "");
        report.info("5.afterWrite", "(5) first anonymous answer after a write", afterWrite, "ms",
                "one person created through the API (%s ms) just before; the answer is %s (the release stands)"
                        .formatted(BenchReport.format(writeMillis), before.equals(anonymous.send()) ? "unchanged"
                                : "CHANGED"));
        long start = System.nanoTime();
        List<Release> releases = publication.publish(ANONYMOUS_YEAR, "bench");
        double publishSeconds = (System.nanoTime() - start) / 1e9;
        report.info("5.publish", "(5) publish %d again: its protected tables built".formatted(ANONYMOUS_YEAR),
                publishSeconds, "s", releases.stream().map(r -> ("%s revision %d: %,d cells, %,d withheld, %,d small "
                        + "audited in %d rounds, %,d ms").formatted(r.subject().toLowerCase(java.util.Locale.ROOT),
                                r.revision(), r.audit().cells(), r.audit().withheld(), r.audit().audited(),
                                r.audit().rounds(), r.audit().millis())).collect(java.util.stream.Collectors
                                        .joining("; ")) + "; what `cmm-stats publish` and `export` do per year");
        for (Release release : releases) {
            if (release.noise() != null) {
                report.info("5.noise", "(5) of which the noisy layer (%d tables measured, post-processed)"
                        .formatted(release.noise().tables().size()), release.noise().millis(), "ms",
                        "%,d noisy cells; %.1f %% of the publication".formatted(release.noisy().size(),
                                release.noise().millis() / (10 * publishSeconds)));
            }
        }
        double afterPublish = Timing.millis(anonymous::send);
        double again = Timing.millis(anonymous::send);
        report.info("5.afterPublish", "(5) first anonymous answer from the new release", afterPublish, "ms",
                "the next one took %s ms".formatted(BenchReport.format(again)));
    }

    /** (2) the same query repeated by concurrent clients, with the cache and without. */
    private void cachedVersusUncached(GraphQlClient cached, GraphQlClient cachedGet, GraphQlClient uncached,
            DataVersion dataVersion) {
        int clients = options.clients();
        Timing.Throughput without = Timing.load(clients, clients * 2, 600, uncached::send);
        // warm up the JIT (on a busy machine it takes some 20,000 requests to reach its pace)
        Timing.load(clients, Math.min(options.requests(), 20_000), 60, cached::send);
        Timing.Throughput with = Timing.load(clients, options.requests(), 60, cached::send);
        Timing.load(clients, Math.min(options.requests(), 5_000), 60, cachedGet::send);
        Timing.Throughput withGet = Timing.load(clients, options.requests(), 60, cachedGet::send);
        report.info("2.uncached", "uncached, %d clients".formatted(clients), without.perSecond(), "req/s",
                "%d requests in %.1f s, median latency %.1f ms".formatted(without.requests(), without.seconds(),
                        without.medianMillis()));
        report.target("2.cached", "(2) cached, %d clients".formatted(clients), with.perSecond(), "req/s", false,
                2000, "%,d POST requests in %.1f s, median latency %.2f ms; answered from the answer cache"
                        .formatted(with.requests(), with.seconds(),
                        with.medianMillis()));
        report.info("2.cpu", "cached: CPU time of this process per request", with.cpuMillisPerRequest(), "ms",
                "server and the 16 clients (HttpURLConnection) together; %s cores to itself would serve about %,.0f req/s"
                        .formatted(Runtime.getRuntime().availableProcessors(), with.perSecondOnIdleCores()));
        report.info("2.get", "cached, %d clients, the same question with GET".formatted(clients),
                withGet.perSecond(), "req/s", ("%,d requests in %.1f s, median latency %.2f ms, %.3f ms CPU per "
                        + "request (as 2.cpu)").formatted(withGet.requests(), withGet.seconds(),
                                withGet.medianMillis(), withGet.cpuMillisPerRequest()));
        report.target("2.ratio", "(2) cached / uncached throughput", with.perSecond() / without.perSecond(), "x",
                false, 50, "");
        // what the answer cache reads per request: the embedded server's write count when this process runs it,
        // otherwise the data version document (one _id read, as on a real MongoDB)
        java.util.function.LongSupplier version = dataVersion.of(List.of(Person.COLLECTION,
                OutreachActivity.COLLECTION, HotlineCall.COLLECTION, Programme.COLLECTION, YearNote.COLLECTION,
                DataVersion.COLLECTION));
        List<Double> lookups = new ArrayList<>();
        List<Double> reads = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            lookups.add(Timing.millis(version::getAsLong));
            reads.add(Timing.millis(dataVersion::current));
        }
        report.info("2.version", "data version as the answer cache reads it (one per cached query)",
                Timing.median(lookups.subList(500, 2000)), "ms", ("median of 1,500 after 500 warm-up; the data "
                        + "version document read (what a real MongoDB or another process's embedded server costs "
                        + "instead): %s ms").formatted(BenchReport.format(Timing.median(reads.subList(500, 2000)))));
    }

    /**
     * (3) the CSV import of {@code --persons} new persons (the importer: read and check the whole file, then read it
     * again, validate and write in chunks) against raw driver {@code insertMany} of the very documents the import
     * stored (their case references changed from {@code -I} to {@code -R}), in chunks of the same size, into the
     * same collection. Inserting into a collection from which as many documents were just deleted proved slower on
     * the embedded server than inserting into a grown one, so the raw side writes after the import, into a collection
     * that holds the imported persons as well (index lookups one level deeper at most: a bias of a few per cent in
     * the raw side's disfavour). Both sets are removed afterwards.
     */
    private void importVersusInsertMany(FileImporter importer, MongoDatabase database) throws IOException {
        Path folder = Files.createTempDirectory("cmm-bench-import-");
        MongoCollection<Document> persons = database.getCollection(DirectQueries.PERSONS);
        Bson imported = Filters.regex("_id", "^[0-9]{4}-I");
        Bson raw = Filters.regex("_id", "^[0-9]{4}-R");
        try {
            Path csv = folder.resolve("persons.csv");
            List<String> caseRefs = writePersonsCsv(csv);
            int rows = caseRefs.size();
            long start = System.nanoTime();
            ImportReport result = importer.importFiles(List.of(ImportFile.of(csv, RecordKind.PERSONS)), false, "bench",
                    ImportProgress.NONE);
            double importSeconds = (System.nanoTime() - start) / 1e9;
            if (result.refused() || result.total().inserted() != rows) {
                throw new IllegalStateException("the benchmark's import did not insert its " + rows + " persons: "
                        + result.total() + " " + result.problems().lines().stream().limit(5).toList());
            }
            List<Document> documents = new ArrayList<>(rows);
            for (int i = 0; i < caseRefs.size(); i += FileImporter.CHUNK_SIZE) { // small replies: the embedded server
                persons.find(Filters.in("_id", caseRefs.subList(i, Math.min(caseRefs.size(), // ignores batch sizes
                        i + FileImporter.CHUNK_SIZE)))).into(documents);
            }
            documents.forEach(d -> d.put("_id", d.getString("_id").replace("-I", "-R")));
            start = System.nanoTime();
            for (int i = 0; i < documents.size(); i += FileImporter.CHUNK_SIZE) {
                persons.insertMany(documents.subList(i, Math.min(documents.size(), i + FileImporter.CHUNK_SIZE)),
                        new InsertManyOptions().ordered(false));
            }
            double rawSeconds = (System.nanoTime() - start) / 1e9;
            report.info("3.import", "import of %,d persons from CSV".formatted(rows), rows / importSeconds, "rows/s",
                    "%.1f s: check the file, then upsert in chunks of %,d".formatted(importSeconds,
                            FileImporter.CHUNK_SIZE));
            report.info("3.raw", "raw insertMany of the same documents", documents.size() / rawSeconds, "docs/s",
                    "%.1f s, chunks of %,d, unordered".formatted(rawSeconds, FileImporter.CHUNK_SIZE));
            report.target("3.ratio", "(3) CSV import / raw insertMany", rawSeconds / importSeconds, "x", false, 0.7,
                    "import rate over raw rate");
        } finally {
            persons.deleteMany(imported);
            persons.deleteMany(raw);
            deleteQuietly(folder);
        }
    }

    /** New persons (case references {@code YYYY-Innnnnnn}) as an import file: CSV with a header row. */
    private List<String> writePersonsCsv(Path csv) throws IOException {
        List<String> fields = RecordKind.PERSONS.fields();
        SyntheticData.Rows rows = SyntheticData.rows(RecordKind.PERSONS,
                new SyntheticData.Plan(options.persons(), 0, 0, 2002, 2025, 4242));
        List<String> written = new ArrayList<>();
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(fields.toArray(String[]::new)).get()
                        .print(out)) {
            for (List<Map<String, Object>> chunk = rows.next(10_000); !chunk.isEmpty(); chunk = rows.next(10_000)) {
                for (Map<String, Object> row : chunk) {
                    row.put("caseRef", row.get("caseRef").toString().replace("-S", "-I"));
                    List<Object> values = new ArrayList<>();
                    for (String field : fields) {
                        values.add(row.get(field) == null ? "" : row.get(field));
                    }
                    printer.printRecord(values);
                    written.add(row.get("caseRef").toString());
                }
            }
        }
        return written;
    }

    /**
     * (4) the report export, as {@code cmm-stats export} does it (the application already running): the 2012
     * report in both languages, then every year with person data. The cache is on, as for {@code export}: figures
     * that several sections share are computed once.
     */
    private void export(ReportExporter exporter) throws IOException {
        Path out = Files.createTempDirectory("cmm-bench-export-");
        try {
            Set<Lang> both = EnumSet.of(Lang.DA, Lang.EN);
            long start = System.nanoTime();
            ExportRun report2012 = exporter.run(out, List.of(2012), both);
            double seconds2012 = (System.nanoTime() - start) / 1e9;
            report.target("4.2012", "(4) export of the 2012 report, da+en", seconds2012, "s", true, 2,
                    "%d files; %s".formatted(report2012.years().get(0).files().size(), report2012.phases()));
            List<Integer> years = exporter.reportYears();
            start = System.nanoTime();
            ExportRun all = exporter.run(out, years, both);
            double secondsAll = (System.nanoTime() - start) / 1e9;
            report.target("4.all", "(4) export of every year, da+en", secondsAll, "s", true, 60,
                    "%d years (%d-%d), %,d files; %s".formatted(years.size(), years.get(0),
                            years.get(years.size() - 1), all.years().stream().mapToInt(r -> r.files().size()).sum(),
                            all.phases()));
        } finally {
            deleteQuietly(out);
        }
    }

    private PersonFilter filter() {
        return PersonFilter.builder().assessmentYears(years).build();
    }

    private String query() {
        return QUERY.formatted(String.join(", ", years.stream().map(String::valueOf).toList()));
    }

    private static String machine() {
        return "%d cores, Java %s, %s %s".formatted(Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}

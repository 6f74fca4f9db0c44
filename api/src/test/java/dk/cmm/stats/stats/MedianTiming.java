package dk.cmm.stats.stats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dk.cmm.stats.storage.EmbeddedMongo;

/**
 * A timing harness run by hand (not a test): the bench's uncached breakdown (years 2010-2019, groupBy REGION,
 * EXPLOITATION, age and stay summaries) over a generated data folder, with the medians of before (every value
 * {@code $push}ed and sorted inside {@code $facet}), of the groups and frequency tables in one {@code $facet} (until
 * issue 23, risk 6), and of now (the groups as a cursor of their own {@code $group}, the frequency tables in a
 * {@code $facet}: {@link Breakdowns}), alternating, on the same embedded server and data, plus the group counts alone
 * as the floor.
 * <pre>
 * ./cmm-stats generate --persons 200000 --activities 100000 --calls 50000 --years 2002-2025 --seed 42 --cmm.data-dir=/tmp/gen
 * ./mvnw -q -o test-compile &amp;&amp; java -cp "api/target/test-classes:api/target/classes:$(cat cp.txt)" \
 *     dk.cmm.stats.stats.MedianTiming /tmp/gen 9 2048      # a generated data folder, 9 runs, H2 page cache MB
 *     dk.cmm.stats.stats.MedianTiming memory:200000 9      # or 200,000 persons drawn here, in memory
 * </pre>
 * ({@code cp.txt} from {@code ./mvnw -q -o -pl api dependency:build-classpath -Dmdep.outputFile=cp.txt}.)
 */
public final class MedianTiming {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        MongoServer server = null;
        EmbeddedMongo embedded = null;
        String uri;
        if (args[0].startsWith("memory:")) {
            // mongo-java-server's in-memory backend (the same aggregation engine as the H2 one), filled here
            server = new MongoServer(new MemoryBackend());
            uri = "mongodb://" + hostAndPort(server.bind());
        } else {
            embedded = EmbeddedMongo.open(Path.of(args[0]), 0, args.length > 2 ? Integer.parseInt(args[2]) : 2048);
            uri = embedded.connectionString();
        }
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> persons = client.getDatabase("cmm").getCollection("persons");
            if (server != null) {
                fill(persons, Integer.parseInt(args[0].substring("memory:".length())));
            }
            PersonFilter filter = PersonFilter.builder().assessmentYears(2010, 2011, 2012, 2013, 2014, 2015, 2016,
                    2017, 2018, 2019).build();
            List<PersonDimension> groupBy = List.of(PersonDimension.REGION, PersonDimension.EXPLOITATION);
            List<Document> before = pushedMedians(filter, groupBy);
            List<Document> oneFacet = oneFacet(filter, groupBy);
            List<Document> groupsOnly = Pipelines.groups(Pipelines.personMatch(filter), groupBy);
            Runnable now = () -> DirectQueries.runPersonStats(persons, filter, groupBy);
            System.out.println("persons: " + persons.countDocuments() + ", matched: "
                    + persons.countDocuments(Pipelines.criteria(FilterField.PERSON, filter)));
            time(first(persons, before)); // warm the page cache
            List<Long> b = new ArrayList<>();
            List<Long> f = new ArrayList<>();
            List<Long> a = new ArrayList<>();
            List<Long> g = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                b.add(time(first(persons, before)));
                f.add(time(first(persons, oneFacet)));
                a.add(time(now));
                g.add(time(() -> persons.aggregate(groupsOnly).allowDiskUse(true).into(new ArrayList<>())));
            }
            System.out.printf("before ($push medians):   median %,d ms of %s%n", median(b), b);
            System.out.printf("one $facet (freq tables): median %,d ms of %s%n", median(f), f);
            System.out.printf("now (groups' cursor):     median %,d ms of %s%n", median(a), a);
            System.out.printf("group counts alone:       median %,d ms of %s%n", median(g), g);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
            if (server != null) {
                server.shutdownNow();
            }
        }
    }

    private static String hostAndPort(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    /**
     * {@code count} persons, each a copy of a bundled 2012 person (so ages, stays and codes keep 2012's joint
     * distribution) moved to a year of 2002-2025, the way {@code generate} draws them; fixed seed.
     */
    private static void fill(MongoCollection<Document> persons, int count) throws Exception {
        List<Document> templates = new ArrayList<>();
        try (var in = MedianTiming.class.getResourceAsStream("/bundled-data/persons.jsonl")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.contains("\"assessmentYear\":2012")) {
                    Document d = Document.parse(line);
                    d.remove("caseRef");
                    templates.add(d);
                }
            }
        }
        java.util.Random random = new java.util.Random(42);
        List<Document> chunk = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Document p = new Document(templates.get(random.nextInt(templates.size())));
            int year = 2002 + random.nextInt(24);
            p.put("_id", year + "-S" + i);
            p.put("assessmentYear", year);
            p.remove("assessmentDate");
            chunk.add(p);
            if (chunk.size() == 2000) {
                persons.insertMany(chunk);
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) {
            persons.insertMany(chunk);
        }
    }

    private static Runnable first(MongoCollection<Document> persons, List<Document> pipeline) {
        return () -> persons.aggregate(pipeline).allowDiskUse(true).first();
    }

    private static long time(Runnable run) {
        long start = System.nanoTime();
        run.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** The breakdown as it was until issue 23, risk 6: the groups and both frequency tables in one {@code $facet}. */
    static List<Document> oneFacet(PersonFilter filter, List<PersonDimension> groupBy) {
        Document facets = new Document("groups", Pipelines.groups(new Document("$match", new Document()), groupBy)
                .subList(1, 2));
        for (String field : StatsService.PERSON_SUMMARIES) {
            facets.append(field, Pipelines.frequencies(field));
        }
        return List.of(Pipelines.personMatch(filter), new Document("$facet", facets));
    }

    /** The pipeline as it was before: the total, the groups, and medians from every value pushed in order. */
    static List<Document> pushedMedians(PersonFilter filter, List<PersonDimension> groupBy) {
        Document facets = new Document()
                .append("total", List.of(new Document("$count", "n")))
                .append("groups", List.of(new Document("$group", new Document("_id", Pipelines.groupKey(groupBy))
                        .append("count", new Document("$sum", 1)))));
        for (String field : List.of("ageAtIdentification", "stayDays")) {
            Document middle = new Document("$divide", List.of(new Document("$subtract", List.of("$count", 1)), 2));
            facets.append(field, List.of(
                    new Document("$match", new Document(field, new Document("$exists", true).append("$ne", null))),
                    new Document("$project", new Document("_id", 0).append("v", "$" + field)),
                    new Document("$sort", new Document("v", 1)),
                    new Document("$group", new Document("_id", "$k").append("count", new Document("$sum", 1))
                            .append("min", new Document("$min", "$v")).append("max", new Document("$max", "$v"))
                            .append("mean", new Document("$avg", "$v")).append("values", new Document("$push", "$v"))),
                    new Document("$project", new Document("_id", 1).append("count", 1).append("min", 1)
                            .append("max", 1).append("mean", 1).append("median", new Document("$avg", List.of(
                                    new Document("$arrayElemAt", List.of("$values", new Document("$floor", middle))),
                                    new Document("$arrayElemAt", List.of("$values", new Document("$ceil",
                                            middle)))))))));
        }
        return List.of(Pipelines.personMatch(filter), new Document("$facet", facets));
    }
}

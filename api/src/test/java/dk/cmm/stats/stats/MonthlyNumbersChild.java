package dk.cmm.stats.stats;

import java.nio.file.Path;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import dk.cmm.stats.CmmStatsApplication;
import dk.cmm.stats.importer.FileImporter;
import dk.cmm.stats.importer.ImportFile;
import dk.cmm.stats.importer.ImportProgress;
import dk.cmm.stats.importer.ImportReport;
import dk.cmm.stats.importer.RecordKind;
import dk.cmm.stats.person.Person;

/**
 * Run as a separate JVM (in a given {@code user.timezone}) by {@link MonthlyNumbersTimeZoneTests}: starts the
 * application as the command line does, imports a file of persons, then prints the monthly numbers of 2012 and how
 * the imported dates were stored, one {@code OUT|} line each, and exits.
 * Arguments: the persons file, then Spring arguments ({@code --cmm.data-dir=...} or {@code --spring.mongodb.uri=...}).
 */
public final class MonthlyNumbersChild {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(CmmStatsApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setAdditionalProfiles("batch");
        String[] springArgs = java.util.Arrays.copyOfRange(args, 1, args.length);
        int status = 0;
        try (ConfigurableApplicationContext context = application.run(springArgs)) {
            ImportReport report = context.getBean(FileImporter.class).importFiles(
                    List.of(ImportFile.of(Path.of(args[0]), RecordKind.PERSONS)), false, "tz-test", ImportProgress.NONE);
            if (report.refused()) {
                System.out.println("OUT|refused " + report.problems());
                status = 1;
            } else {
                print(context);
            }
        }
        System.out.flush();
        System.exit(status);
    }

    private static void print(ConfigurableApplicationContext context) {
        StatsService stats = context.getBean(StatsService.class);
        for (OutreachRow row : stats.outreachStats(OutreachFilter.year(2012), List.of(OutreachDimension.MONTH))) {
            System.out.println("OUT|outreach " + row.code() + " activities " + row.activities() + " assessed "
                    + row.assessedTrafficked());
        }
        for (Group group : stats.hotlineStats(HotlineFilter.year(2012), List.of(HotlineDimension.MONTH), false,
                Order.KEY).groups()) {
            System.out.println("OUT|hotline " + group.code() + " calls " + group.count());
        }
        MongoTemplate mongo = context.getBean(MongoTemplate.class);
        for (Document doc : mongo.getCollection(Person.COLLECTION)
                .find(new Document("_id", new Document("$regex", "^2012-TZ"))).sort(new Document("_id", 1))) {
            Person person = mongo.getConverter().read(Person.class, doc);
            System.out.println("OUT|stored " + doc.getString("_id") + " " + doc.get("assessmentDate", Date.class)
                    .toInstant() + " month " + doc.get("assessmentMonth") + " reads " + person.assessmentDate());
        }
    }
}

package dk.cmm.stats.storage;

import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * Creates the indexes the statistics and record queries use (creating an existing index is a no-op). Every
 * breakdown filters on a year first, so each collection leads with its year field.
 */
@Component
class IndexInitializer implements InitializingBean {

    private final MongoTemplate mongo;

    IndexInitializer(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        create("persons", Indexes.ascending("assessmentYear", "assessedBy"));
        create("persons", Indexes.ascending("status", "outcomeYear"));
        create("persons", Indexes.ascending("contactProgramme", "assessmentYear"));
        create("outreachActivities", Indexes.ascending("year", "programme"));
        create("hotlineCalls", Indexes.ascending("year", "callerType"));
    }

    private void create(String collection, org.bson.conversions.Bson keys) {
        mongo.getCollection(collection).createIndex(keys, new IndexOptions());
    }

}

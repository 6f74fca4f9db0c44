package dk.cmm.stats.storage;

/** A record that carries who changed it last and when. */
public interface Stamped<T> {

    /** Who changed the record last and when; null on a record that has not been stored yet. */
    Stamp changed();

    T withChanged(Stamp stamp);
}

package dk.cmm.stats.storage;

/** A record that carries who changed it last and when. */
public interface Stamped<T> {

    T withChanged(Stamp stamp);
}

package dk.cmm.stats.codebook;

/** An ISO 3166-1 alpha-2 country with the centre's region and its Danish and English names. */
public record Country(String code, Region region, String nameDa, String nameEn) {

    public String name(Lang lang) {
        return lang == Lang.DA ? nameDa : nameEn;
    }
}

package dk.cmm.stats.disclosure.noise;

/**
 * The privacy accounting of the noisy tables, in zero-concentrated differential privacy (zCDP; Bun and Steinke
 * 2016). Adding or removing one person changes one cell of a table by 1, so a table measured with discrete Gaussian
 * noise of variance parameter σ² costs ρ = 1/(2σ²) (Canonne, Kamath and Steinke 2020, Theorem 14); the costs of
 * several tables, and of a year's revisions, add up.
 */
public final class PrivacyBudget {

    /** The δ at which ε is stated. */
    public static final double DELTA = 1e-6;

    private PrivacyBudget() {
    }

    /** ρ of one table measured with noise σ. */
    public static double rhoPerTable(double sigma) {
        return 1 / (2 * sigma * sigma);
    }

    /** ε at δ of a ρ-zCDP release: ε = ρ + 2·√(ρ·ln(1/δ)) (Bun and Steinke 2016, Proposition 1.3). */
    public static double epsilon(double rho, double delta) {
        return rho + 2 * Math.sqrt(rho * Math.log(1 / delta));
    }
}

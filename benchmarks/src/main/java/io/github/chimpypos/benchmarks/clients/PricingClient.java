package io.github.chimpypos.benchmarks.clients;

/** A client under test: each call fetches the pricing of one station and returns it parsed. Thread-safe. */
public interface PricingClient extends AutoCloseable {

    ClientKind kind();

    /**
     * Fetches and parses the pricing of the benchmark station.
     *
     * @throws Exception on any failure, a non-200 answer included
     */
    Object getStationPricing() throws Exception;

    @Override
    void close();
}

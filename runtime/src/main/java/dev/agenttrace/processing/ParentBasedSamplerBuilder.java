package dev.agenttrace.processing;

import static java.util.Objects.requireNonNull;

/**
 * Configures a parent-based sampler. The defaults are OpenTelemetry's: a sampled parent (remote or
 * local) means sample, an unsampled parent means drop.
 *
 * <pre>{@code
 * Sampler sampler = Sampler.parentBasedBuilder(Sampler.traceIdRatio(0.1))
 *     .remoteParentNotSampled(Sampler.alwaysOff())
 *     .build();
 * }</pre>
 */
public final class ParentBasedSamplerBuilder {
  private final Sampler root;
  private Sampler remoteParentSampled = Sampler.alwaysOn();
  private Sampler remoteParentNotSampled = Sampler.alwaysOff();
  private Sampler localParentSampled = Sampler.alwaysOn();
  private Sampler localParentNotSampled = Sampler.alwaysOff();

  ParentBasedSamplerBuilder(Sampler root) {
    this.root = requireNonNull(root, "root");
  }

  /** Decides for spans whose parent came from another process with the sampled flag set. */
  public ParentBasedSamplerBuilder remoteParentSampled(Sampler sampler) {
    this.remoteParentSampled = requireNonNull(sampler, "sampler");
    return this;
  }

  /** Decides for spans whose parent came from another process without the sampled flag. */
  public ParentBasedSamplerBuilder remoteParentNotSampled(Sampler sampler) {
    this.remoteParentNotSampled = requireNonNull(sampler, "sampler");
    return this;
  }

  /** Decides for spans whose parent was started in this process and is sampled. */
  public ParentBasedSamplerBuilder localParentSampled(Sampler sampler) {
    this.localParentSampled = requireNonNull(sampler, "sampler");
    return this;
  }

  /** Decides for spans whose parent was started in this process and is not sampled. */
  public ParentBasedSamplerBuilder localParentNotSampled(Sampler sampler) {
    this.localParentNotSampled = requireNonNull(sampler, "sampler");
    return this;
  }

  /** The sampler. */
  public Sampler build() {
    return new ParentBasedSampler(
        root,
        remoteParentSampled,
        remoteParentNotSampled,
        localParentSampled,
        localParentNotSampled);
  }
}

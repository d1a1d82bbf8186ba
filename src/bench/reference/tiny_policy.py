#!/usr/bin/env python3
"""PyTorch reference of rlx's built-in policy, for the runtime section of `npm run bench`.

The same model as src/runtime/model (pre-LN decoder-only transformer, fused qkv projection,
GELU tanh approximation, learned positional embedding whose positions count non-PAD tokens,
PAD/BOS logits held at -1e9, layer norm eps 1e-5, linear weights stored [in, out]), the same
KV-cache sampling loop as sampling.ts (prefill of the distinct prompts left-padded to the longest,
caches repeated per sample, then one decoding step per new token for all rows, inverse-CDF choice
from host-drawn uniforms, a done check every 4 steps), and the same GRPO update as loss.ts +
trainStep.ts (token_mean, ratio clip, clip_grad_norm_ 1.0, AdamW).

src/bench/runtime.ts writes a folder with manifest.json and arrays.bin (the initial weights, a
token batch with the logits rlx computed for it, the training mini-batch, rlx's first loss and
gradient norm, the sampling uniforms and rlx's sampled tokens). This script loads them, checks it
computes the same thing, times the same work, and prints one JSON object on stdout.

    /usr/bin/python3 src/bench/reference/tiny_policy.py --dir DIR --threads 1

Needs torch and numpy (Debian: apt-get install python3-torch libopenblas0-pthread).
"""

import argparse
import json
import os
import re
import resource
import statistics
import sys
import time


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dir", help="folder written by src/bench/runtime.ts (required unless --probe)")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--probe", action="store_true", help="only report whether torch imports, and its BLAS")
    return parser.parse_args()


ARGS = parse_args()
# OpenBLAS keeps its own thread pool, sized from these variables when the library loads, and
# torch.set_num_threads does not resize it (measured: a 512³ matMul ran on both cores with
# set_num_threads(1)). So they are set before torch is imported.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = str(ARGS.threads)

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

torch.set_num_threads(ARGS.threads)
try:
    torch.set_num_interop_threads(1)
except RuntimeError:
    pass


def blas_info():
    """Which BLAS torch really calls. Debian's torch says BLAS_INFO=generic: it links libblas.so.3,
    which the alternatives system points at OpenBLAS or at the slow reference BLAS."""
    config = torch.__config__.show()
    match = re.search(r"BLAS_INFO=([^,\s]+)", config)
    declared = match.group(1) if match else "?"
    a = torch.ones(64, 64)
    _ = a @ a
    loaded = []
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                path = line.split()[-1] if len(line.split()) >= 6 else ""
                name = os.path.basename(path).lower()
                if ("blas" in name or "mkl" in name) and path not in loaded:
                    loaded.append(path)
    except OSError:
        pass
    lowered = " ".join(loaded).lower() + " " + declared.lower()
    kind = "OpenBLAS" if "openblas" in lowered else "MKL" if "mkl" in lowered else "reference BLAS" if loaded else "unknown"
    return {"declared": declared, "loaded": loaded, "kind": kind}


# --------------------------------------------------------------------------------------------
# Inputs written by runtime.ts


def load_inputs(folder):
    with open(os.path.join(folder, "manifest.json")) as f:
        manifest = json.load(f)
    raw = open(os.path.join(folder, "arrays.bin"), "rb").read()
    arrays = {}
    for name, spec in manifest["arrays"].items():
        dtype = {"float32": np.float32, "int32": np.int32}[spec["dtype"]]
        count = int(np.prod(spec["shape"])) if spec["shape"] else 1
        data = np.frombuffer(raw, dtype=dtype, count=count, offset=spec["offset"]).reshape(spec["shape"])
        arrays[name] = torch.from_numpy(data.copy())
    return manifest, arrays


# --------------------------------------------------------------------------------------------
# The model (mirrors src/runtime/model/transformer.ts and attention.ts)


class Policy:
    def __init__(self, config, special, masked, weights):
        self.config = config
        self.pad, self.bos, self.eos = special["PAD"], special["BOS"], special["EOS"]
        self.masked = masked
        self.p = weights
        forbidden = torch.zeros(config["vocabSize"])
        forbidden[self.pad] = masked
        forbidden[self.bos] = masked
        self.forbidden = forbidden

    @staticmethod
    def linear(x, w, b):
        return torch.addmm(b, x, w)

    def layer_norm(self, x, name):
        return F.layer_norm(x, (x.shape[-1],), self.p[name + ".gain"], self.p[name + ".bias"], 1e-5)

    def split_heads(self, qkv, batch, time_):
        heads = self.config["nHeads"]
        d = qkv.shape[1] // 3
        q, k, v = qkv.split(d, dim=1)
        to_heads = lambda t: t.reshape(batch, time_, heads, d // heads).transpose(1, 2)  # noqa: E731
        return to_heads(q), to_heads(k), to_heads(v)

    @staticmethod
    def attend(q, keys, values, bias):
        batch, heads, tq, head_dim = q.shape
        scores = (q * (1 / head_dim ** 0.5)) @ keys.transpose(-1, -2)
        probs = torch.softmax(scores + bias, dim=-1)
        return (probs @ values).transpose(1, 2).reshape(batch * tq, heads * head_dim)

    def block(self, layer, x, attention):
        p = f"block{layer}"
        x = x + attention(self.layer_norm(x, p + ".ln1"))
        h = self.layer_norm(x, p + ".ln2")
        up = F.gelu(self.linear(h, self.p[p + ".mlp.up.weight"], self.p[p + ".mlp.up.bias"]), approximate="tanh")
        return x + self.linear(up, self.p[p + ".mlp.down.weight"], self.p[p + ".mlp.down.bias"])

    def head(self, hidden):
        normalised = self.layer_norm(hidden, "final_ln")
        return self.linear(normalised, self.p["head.weight"], self.p["head.bias"]) + self.forbidden

    def forward_sequences(self, tokens):
        """tokens [B, T] → hidden [B·T, d] (before the final LN) and per-layer (keys, values)."""
        batch, time_ = tokens.shape
        real = (tokens != self.pad).float()
        positions = (real.cumsum(1) - 1).clamp(0, self.config["maxLen"] - 1).long()
        causal = torch.ones(time_, time_).tril()
        visible = causal.view(1, 1, time_, time_) * real.view(batch, 1, 1, time_)
        bias = (1 - visible) * self.masked
        x = self.p["embed.token"][tokens.reshape(-1).long()] + self.p["embed.position"][positions.reshape(-1)]
        caches = []
        for layer in range(self.config["nLayers"]):
            def attention(h, layer=layer):
                w = f"block{layer}.attn"
                q, k, v = self.split_heads(self.linear(h, self.p[w + ".qkv.weight"], self.p[w + ".qkv.bias"]), batch, time_)
                caches.append((k, v))
                return self.linear(self.attend(q, k, v, bias), self.p[w + ".out.weight"], self.p[w + ".out.bias"])
            x = self.block(layer, x, attention)
        return x, caches

    def forward(self, tokens):
        batch, time_ = tokens.shape
        hidden, _ = self.forward_sequences(tokens)
        return self.head(hidden).view(batch, time_, -1)

    def decode_step(self, tokens, positions, caches, key_bias):
        batch = tokens.shape[0]
        x = self.p["embed.token"][tokens.long()] + self.p["embed.position"][positions.long()]
        grown = []
        for layer in range(self.config["nLayers"]):
            def attention(h, layer=layer):
                w = f"block{layer}.attn"
                q, k, v = self.split_heads(self.linear(h, self.p[w + ".qkv.weight"], self.p[w + ".qkv.bias"]), batch, 1)
                keys = torch.cat([caches[layer][0], k], 2)
                values = torch.cat([caches[layer][1], v], 2)
                grown.append((keys, values))
                return self.linear(self.attend(q, keys, values, key_bias), self.p[w + ".out.weight"], self.p[w + ".out.bias"])
            x = self.block(layer, x, attention)
        return self.head(x), grown

    # ---- sampling (mirrors sampling.ts and nextToken.ts, temperature > 0, topP = 1)

    @torch.inference_mode()
    def sample(self, prompts, samples_per_prompt, max_new_tokens, uniforms, temperature=1.0):
        width = max(len(p) for p in prompts)
        padded = torch.full((len(prompts), width), self.pad, dtype=torch.int64)
        for i, p in enumerate(prompts):
            padded[i, width - len(p):] = torch.tensor(p)
        rows = len(prompts) * samples_per_prompt
        repeat = torch.arange(len(prompts)).repeat_interleave(samples_per_prompt)
        hidden, caches = self.forward_sequences(padded)
        last = hidden.view(len(prompts), width, -1)[:, -1]
        logits = self.head(last)[repeat]
        caches = [(k[repeat], v[repeat]) for k, v in caches]
        key_bias = ((padded == self.pad).float() * self.masked)[repeat].view(rows, 1, 1, width)
        positions0 = torch.tensor([len(p) for p in prompts]).repeat_interleave(samples_per_prompt)
        done = torch.zeros(rows, dtype=torch.bool)
        step_tokens, step_log_probs = [], []
        for step in range(max_new_tokens):
            logp = torch.log_softmax(logits if temperature == 1 else logits / temperature, dim=1)
            cdf = logp.exp().cumsum(1)
            target = cdf[:, -1:] * uniforms[step].view(rows, 1)
            chosen = (cdf < target).sum(1)
            chosen_lp = logp.gather(1, chosen.view(rows, 1)).view(rows)
            tokens = torch.where(done, torch.full_like(chosen, self.pad), chosen)
            log_probs = torch.where(done, torch.zeros_like(chosen_lp), chosen_lp)
            done = done | (tokens == self.eos)
            step_tokens.append(tokens)
            step_log_probs.append(log_probs)
            if step == max_new_tokens - 1 or ((step + 1) % 4 == 0 and bool(done.all())):
                break
            key_bias = torch.cat([key_bias, torch.zeros(rows, 1, 1, 1)], 3)
            logits, caches = self.decode_step(tokens, positions0 + step, caches, key_bias)
        return torch.stack(step_tokens, 1), torch.stack(step_log_probs, 1)

    # ---- training (mirrors logProbs.ts and grpo/loss.ts)

    def token_log_probs(self, tokens, mask):
        batch, time_ = tokens.shape
        hidden, _ = self.forward_sequences(tokens)
        predicting = hidden.view(batch, time_, -1)[:, : time_ - 1].reshape(batch * (time_ - 1), -1)
        logp = torch.log_softmax(self.head(predicting), dim=1)
        targets = tokens[:, 1:].reshape(-1).long()
        picked = logp.gather(1, targets.view(-1, 1)).view(-1)
        entropy = -(logp.exp() * logp).sum(1)
        aligned = lambda t: F.pad(t.view(batch, time_ - 1), (1, 0)) * mask  # noqa: E731
        return aligned(picked), aligned(entropy)


def grpo_loss(log_probs, old_log_probs, advantages, mask, clip_low, clip_high):
    ratio = torch.exp(log_probs - old_log_probs)
    adv = advantages.view(-1, 1)
    per_token = -torch.minimum(ratio * adv, ratio.clamp(1 - clip_low, 1 + clip_high) * adv)
    loss = (per_token * mask).sum() / mask.sum().clamp(min=1)
    with torch.no_grad():  # the statistics grpoLoss also returns
        tokens = mask.sum().clamp(min=1)
        r = ratio.detach()
        a = adv.expand_as(r)
        stats = [
            (((a < 0) & (r < 1 - clip_low)).float() * mask).sum() / tokens,
            (((a > 0) & (r > 1 + clip_high)).float() * mask).sum() / tokens,
            ((r - 1).abs() * mask).sum() / tokens,
        ]
    return loss, stats


# --------------------------------------------------------------------------------------------


def median_ms(fn, runs, warmup):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(1000 * (time.perf_counter() - t0))
    return statistics.median(times), times


def main():
    result = {"torch": torch.__version__, "threads": ARGS.threads, "numThreads": torch.get_num_threads(), "blas": blas_info()}
    if ARGS.probe:
        print(json.dumps(result))
        return
    if not ARGS.dir:
        raise ValueError("--dir is required")
    manifest, arrays = load_inputs(ARGS.dir)
    config, special, masked = manifest["config"], manifest["special"], manifest["masked"]
    reps = manifest["reps"]
    initial = {name: arrays["weight:" + name] for name in manifest["weights"]}

    # 1. Same model: logits of a fixed token batch against the logits rlx computed.
    checks = {}
    with torch.inference_mode():
        check_policy = Policy(config, special, masked, initial)
        logits = check_policy.forward(arrays["check.tokens"])
        reference = arrays["check.logits"]
        live = reference > masked / 2  # the PAD/BOS columns are exactly -1e9 on both sides
        checks["logitsMaxAbsDiff"] = float((logits - reference).abs().max())
        checks["logitsMaxAbsDiffUnmasked"] = float((logits - reference).abs()[live].max())
        checks["logitsMaxAbs"] = float(reference.abs()[live].max())
        checks["logitsShape"] = list(reference.shape)

    # 2. Training: one GRPO update on the mini-batch, from the initial weights.
    train = manifest["train"]
    params = {name: w.clone().requires_grad_(True) for name, w in initial.items()}
    policy = Policy(config, special, masked, params)
    optimizer = torch.optim.AdamW(list(params.values()), lr=train["lr"], betas=(train["beta1"], train["beta2"]), eps=train["epsilon"], weight_decay=train["weightDecay"])
    tokens, mask = arrays["train.tokens"], arrays["train.mask"]
    old_log_probs, advantages = arrays["train.oldLogProbs"], arrays["train.advantages"]

    def loss_of():
        log_probs, _entropy = policy.token_log_probs(tokens, mask)
        return grpo_loss(log_probs, old_log_probs, advantages, mask, train["clip"], train["clip"])[0]

    def update():
        optimizer.zero_grad(set_to_none=True)
        loss = loss_of()
        loss.backward()
        norm = torch.nn.utils.clip_grad_norm_(list(params.values()), train["gradClip"])
        optimizer.step()
        return float(loss), float(norm)

    loss0, norm0 = update()
    checks["loss"] = loss0
    checks["lossDiff"] = abs(loss0 - train["rlxLoss"])
    checks["gradNorm"] = norm0
    checks["gradNormRelDiff"] = abs(norm0 - train["rlxGradNorm"]) / max(abs(train["rlxGradNorm"]), 1e-12)
    step_ms, step_times = median_ms(update, reps["train"], reps["trainWarmup"] - 1)

    def forward_only():
        with torch.no_grad():
            float(loss_of())

    forward_ms, _ = median_ms(forward_only, reps["train"], 1)
    batch, time_ = tokens.shape
    result["train"] = {"medianMs": step_ms, "timesMs": step_times, "forwardMs": forward_ms, "tokens": batch * time_}

    # 3. Rollout with the EOS logit held at -1e9 (every row runs the full length), same uniforms.
    sample = manifest["sample"]
    rollout_weights = dict(initial)
    head_bias = initial["head.bias"].clone()
    head_bias[special["EOS"]] = masked
    rollout_weights["head.bias"] = head_bias
    rollout = Policy(config, special, masked, rollout_weights)
    uniforms = arrays["sample.uniforms"]
    prompts = sample["prompts"]
    spp, new_tokens = sample["samplesPerPrompt"], sample["maxNewTokens"]
    out_tokens, out_log_probs = rollout.sample(prompts, spp, new_tokens, uniforms)
    rlx_tokens = arrays["sample.tokens"].long()
    rlx_log_probs = arrays["sample.logProbs"]
    same_rows = (out_tokens == rlx_tokens).all(1)
    first_diff = [int((row != ref).nonzero()[0]) for row, ref, same in zip(out_tokens, rlx_tokens, same_rows) if not same]
    checks["sampledRowsIdentical"] = int(same_rows.sum())
    checks["sampledRows"] = int(out_tokens.shape[0])
    checks["sampledFirstDivergence"] = min(first_diff) if first_diff else None
    if bool(same_rows.any()):
        checks["sampledLogProbMaxAbsDiff"] = float((out_log_probs[same_rows] - rlx_log_probs[same_rows]).abs().max())
    generated = out_tokens.shape[0] * out_tokens.shape[1]

    def run_rollout():
        rollout.sample(prompts, spp, new_tokens, uniforms)

    rollout_ms, rollout_times = median_ms(run_rollout, reps["rollout"], reps["rolloutWarmup"] - 1)  # the checked run above was one
    prefill_ms, _ = median_ms(lambda: rollout.sample(prompts, spp, 1, uniforms), reps["rollout"], 1)
    result["rollout"] = {"medianMs": rollout_ms, "timesMs": rollout_times, "tokens": generated, "prefillMs": prefill_ms, "steps": int(out_tokens.shape[1])}
    # The two matMul shapes that dominate (same as runtime.ts's matMulTimes).
    head_dim = config["dModel"] // config["nHeads"]
    square = torch.rand(512, 512)
    q = torch.rand(tokens.shape[0] * config["nHeads"], tokens.shape[1], head_dim)
    result["matMul"] = {
        "square512Ms": median_ms(lambda: square @ square, 10, 2)[0],
        "attentionScoresMs": median_ms(lambda: q @ q.transpose(1, 2), 10, 2)[0],
    }
    result["checks"] = checks
    result["peakRssKb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(result))


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # one line for the bench to print, not a traceback
        print(json.dumps({"error": f"{type(error).__name__}: {error}"}))
        sys.exit(1)

# ---- run incorrect_labels
#!/usr/bin/env bash
# GRPO run 'incorrect_labels' of examples/incorrect_labels.rlx, exported by rlx for OpenRLHF (>= 0.10, namespaced flags).
# Needs OpenRLHF with vLLM installed, a Ray cluster (ray start --head) and 1 × 8 GPUs.
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec python3 -m openrlhf.cli.train_ppo_ray \
  --actor.model_name_or_path Qwen/Qwen2.5-Math-7B \
  --algo.advantage.estimator group_norm \
  --reward.remote_url "$DIR/reward.py" \
  --reward.clip_range -1000000000 1000000000 \
  --data.prompt_dataset "$DIR/data/train.jsonl" \
  --data.input_key prompt \
  --data.label_key label \
  --train.num_episodes 1 \
  --data.max_samples 1600 \
  --rollout.batch_size 16 \
  --rollout.n_samples_per_prompt 8 \
  --train.batch_size 32 \
  --train.max_epochs 1 \
  --actor.adam.lr 0.0001 \
  --actor.lr_scheduler constant \
  --actor.lr_warmup_ratio 0 \
  --actor.adam.betas 0.9 0.999 \
  --actor.adam.weight_decay 0 \
  --actor.max_norm 1 \
  --actor.eps_clip_low_high 0.2 0.2 \
  --algo.kl.init_coef 0 \
  --actor.entropy_coef 0 \
  --rollout.temperature 1 \
  --rollout.top_p 1 \
  --data.max_len 160 \
  --rollout.max_new_tokens 96 \
  --train.seed 0 \
  --actor.num_nodes 1 \
  --actor.num_gpus_per_node 8 \
  --vllm.num_engines 8 \
  --vllm.tensor_parallel_size 1 \
  --train.colocate_all \
  --vllm.enable_sleep \
  --ds.enable_sleep \
  --ckpt.output_dir "$DIR/model" \
  --ckpt.path "$DIR/checkpoints" \
  --ckpt.save_steps 10 \
  --logger.logging_steps 1 \
  --eval.dataset "$DIR/data/test.jsonl" \
  --eval.steps 20 \
  --eval.temperature 0 \
  --eval.n_samples_per_prompt 1 \
  "$@"

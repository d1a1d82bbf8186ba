# ---- run random_reward_seeds/random-0.5__grid__2
#!/usr/bin/env bash
# GRPO run 'random_reward_seeds/random-0.5__grid__2' of examples/random_reward_seeds.rlx, exported by rlx for OpenRLHF (>= 0.10, namespaced flags).
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
  --data.max_samples 384 \
  --rollout.batch_size 16 \
  --rollout.n_samples_per_prompt 8 \
  --train.batch_size 16 \
  --train.max_epochs 2 \
  --actor.adam.lr 0.00005 \
  --actor.lr_scheduler constant \
  --actor.lr_warmup_ratio 0 \
  --actor.adam.betas 0.9 0.999 \
  --actor.adam.weight_decay 0 \
  --actor.max_norm 1 \
  --actor.eps_clip_low_high 0.1 0.1 \
  --algo.kl.init_coef 0 \
  --actor.entropy_coef 0 \
  --rollout.temperature 1 \
  --rollout.top_p 1 \
  --data.max_len 160 \
  --rollout.max_new_tokens 96 \
  --train.seed 2 \
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
  --eval.steps 24 \
  --eval.temperature 0 \
  --eval.n_samples_per_prompt 1 \
  "$@"

# ---- run random_reward_seeds/random-0.5__grid__3
#!/usr/bin/env bash
# GRPO run 'random_reward_seeds/random-0.5__grid__3' of examples/random_reward_seeds.rlx, exported by rlx for OpenRLHF (>= 0.10, namespaced flags).
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
  --data.max_samples 384 \
  --rollout.batch_size 16 \
  --rollout.n_samples_per_prompt 8 \
  --train.batch_size 16 \
  --train.max_epochs 2 \
  --actor.adam.lr 0.00005 \
  --actor.lr_scheduler constant \
  --actor.lr_warmup_ratio 0 \
  --actor.adam.betas 0.9 0.999 \
  --actor.adam.weight_decay 0 \
  --actor.max_norm 1 \
  --actor.eps_clip_low_high 0.1 0.1 \
  --algo.kl.init_coef 0 \
  --actor.entropy_coef 0 \
  --rollout.temperature 1 \
  --rollout.top_p 1 \
  --data.max_len 160 \
  --rollout.max_new_tokens 96 \
  --train.seed 3 \
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
  --eval.steps 24 \
  --eval.temperature 0 \
  --eval.n_samples_per_prompt 1 \
  "$@"

# ---- run random_reward_seeds/random-0.5__grid_noclip__2
#!/usr/bin/env bash
# GRPO run 'random_reward_seeds/random-0.5__grid_noclip__2' of examples/random_reward_seeds.rlx, exported by rlx for OpenRLHF (>= 0.10, namespaced flags).
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
  --data.max_samples 384 \
  --rollout.batch_size 16 \
  --rollout.n_samples_per_prompt 8 \
  --train.batch_size 16 \
  --train.max_epochs 2 \
  --actor.adam.lr 0.00005 \
  --actor.lr_scheduler constant \
  --actor.lr_warmup_ratio 0 \
  --actor.adam.betas 0.9 0.999 \
  --actor.adam.weight_decay 0 \
  --actor.max_norm 1 \
  --actor.eps_clip_low_high 1 1000000000 \
  --algo.kl.init_coef 0 \
  --actor.entropy_coef 0 \
  --rollout.temperature 1 \
  --rollout.top_p 1 \
  --data.max_len 160 \
  --rollout.max_new_tokens 96 \
  --train.seed 2 \
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
  --eval.steps 24 \
  --eval.temperature 0 \
  --eval.n_samples_per_prompt 1 \
  "$@"

# ---- run random_reward_seeds/random-0.5__grid_noclip__3
#!/usr/bin/env bash
# GRPO run 'random_reward_seeds/random-0.5__grid_noclip__3' of examples/random_reward_seeds.rlx, exported by rlx for OpenRLHF (>= 0.10, namespaced flags).
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
  --data.max_samples 384 \
  --rollout.batch_size 16 \
  --rollout.n_samples_per_prompt 8 \
  --train.batch_size 16 \
  --train.max_epochs 2 \
  --actor.adam.lr 0.00005 \
  --actor.lr_scheduler constant \
  --actor.lr_warmup_ratio 0 \
  --actor.adam.betas 0.9 0.999 \
  --actor.adam.weight_decay 0 \
  --actor.max_norm 1 \
  --actor.eps_clip_low_high 1 1000000000 \
  --algo.kl.init_coef 0 \
  --actor.entropy_coef 0 \
  --rollout.temperature 1 \
  --rollout.top_p 1 \
  --data.max_len 160 \
  --rollout.max_new_tokens 96 \
  --train.seed 3 \
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
  --eval.steps 24 \
  --eval.temperature 0 \
  --eval.n_samples_per_prompt 1 \
  "$@"

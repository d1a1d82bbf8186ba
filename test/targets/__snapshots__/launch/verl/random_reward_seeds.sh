# ---- run random_reward_seeds/random-0.5__grid__2
#!/usr/bin/env bash
# GRPO run 'random_reward_seeds/random-0.5__grid__2' of examples/random_reward_seeds.rlx, exported by rlx for verl.
# Needs verl installed and 1 × 8 GPUs. Extra Hydra overrides may follow: bash run.sh trainer.nnodes=2
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec python3 -m verl.trainer.main_ppo \
  ++actor_rollout_ref.actor.clip_ratio_c=1000000000 \
  ++actor_rollout_ref.actor.clip_ratio_high=0.1 \
  ++actor_rollout_ref.actor.clip_ratio_low=0.1 \
  actor_rollout_ref.actor.entropy_coeff=0 \
  actor_rollout_ref.actor.grad_clip=1 \
  actor_rollout_ref.actor.kl_loss_coef=0 \
  ++actor_rollout_ref.actor.loss_agg_mode=token-mean \
  '++actor_rollout_ref.actor.optim.betas=[0.9,0.999]' \
  ++actor_rollout_ref.actor.optim.clip_grad=1 \
  actor_rollout_ref.actor.optim.lr=0.00005 \
  ++actor_rollout_ref.actor.optim.lr_scheduler_type=constant \
  ++actor_rollout_ref.actor.optim.lr_warmup_steps=0 \
  ++actor_rollout_ref.actor.optim.warmup_style=constant \
  actor_rollout_ref.actor.optim.weight_decay=0 \
  actor_rollout_ref.actor.ppo_epochs=2 \
  actor_rollout_ref.actor.ppo_max_token_len_per_gpu=16384 \
  actor_rollout_ref.actor.ppo_mini_batch_size=2 \
  actor_rollout_ref.actor.use_dynamic_bsz=True \
  actor_rollout_ref.actor.use_kl_loss=False \
  "++actor_rollout_ref.model.custom_chat_template='{% for m in messages %}{{ m.content }}{% endfor %}'" \
  actor_rollout_ref.model.path=Qwen/Qwen2.5-Math-7B \
  actor_rollout_ref.ref.log_prob_use_dynamic_bsz=True \
  actor_rollout_ref.rollout.log_prob_use_dynamic_bsz=True \
  actor_rollout_ref.rollout.n=8 \
  actor_rollout_ref.rollout.name=vllm \
  ++actor_rollout_ref.rollout.seed=2 \
  actor_rollout_ref.rollout.temperature=1 \
  actor_rollout_ref.rollout.tensor_model_parallel_size=1 \
  actor_rollout_ref.rollout.top_p=1 \
  actor_rollout_ref.rollout.val_kwargs.do_sample=False \
  actor_rollout_ref.rollout.val_kwargs.n=1 \
  actor_rollout_ref.rollout.val_kwargs.temperature=0 \
  algorithm.adv_estimator=grpo \
  ++algorithm.norm_adv_by_std_in_grpo=True \
  algorithm.use_kl_in_reward=False \
  ++custom_reward_function.name=compute_score \
  "++custom_reward_function.path='$DIR/reward.py'" \
  data.filter_overlong_prompts=True \
  data.max_prompt_length=64 \
  data.max_response_length=96 \
  ++data.seed=2 \
  data.shuffle=False \
  data.train_batch_size=16 \
  "data.train_files='$DIR/data/train.parquet'" \
  "data.val_files='$DIR/data/test.parquet'" \
  ++reward.custom_reward_function.name=compute_score \
  "++reward.custom_reward_function.path='$DIR/reward.py'" \
  ++reward.num_workers=1 \
  "trainer.default_local_dir='$DIR/checkpoints'" \
  trainer.experiment_name=random_reward_seeds-random-0.5__grid__2 \
  'trainer.logger=[console]' \
  trainer.n_gpus_per_node=8 \
  trainer.nnodes=1 \
  trainer.project_name=rlx \
  trainer.save_freq=10 \
  trainer.test_freq=24 \
  trainer.total_epochs=100 \
  trainer.total_training_steps=24 \
  trainer.val_before_train=True \
  "$@"

# ---- run random_reward_seeds/random-0.5__grid__3
#!/usr/bin/env bash
# GRPO run 'random_reward_seeds/random-0.5__grid__3' of examples/random_reward_seeds.rlx, exported by rlx for verl.
# Needs verl installed and 1 × 8 GPUs. Extra Hydra overrides may follow: bash run.sh trainer.nnodes=2
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec python3 -m verl.trainer.main_ppo \
  ++actor_rollout_ref.actor.clip_ratio_c=1000000000 \
  ++actor_rollout_ref.actor.clip_ratio_high=0.1 \
  ++actor_rollout_ref.actor.clip_ratio_low=0.1 \
  actor_rollout_ref.actor.entropy_coeff=0 \
  actor_rollout_ref.actor.grad_clip=1 \
  actor_rollout_ref.actor.kl_loss_coef=0 \
  ++actor_rollout_ref.actor.loss_agg_mode=token-mean \
  '++actor_rollout_ref.actor.optim.betas=[0.9,0.999]' \
  ++actor_rollout_ref.actor.optim.clip_grad=1 \
  actor_rollout_ref.actor.optim.lr=0.00005 \
  ++actor_rollout_ref.actor.optim.lr_scheduler_type=constant \
  ++actor_rollout_ref.actor.optim.lr_warmup_steps=0 \
  ++actor_rollout_ref.actor.optim.warmup_style=constant \
  actor_rollout_ref.actor.optim.weight_decay=0 \
  actor_rollout_ref.actor.ppo_epochs=2 \
  actor_rollout_ref.actor.ppo_max_token_len_per_gpu=16384 \
  actor_rollout_ref.actor.ppo_mini_batch_size=2 \
  actor_rollout_ref.actor.use_dynamic_bsz=True \
  actor_rollout_ref.actor.use_kl_loss=False \
  "++actor_rollout_ref.model.custom_chat_template='{% for m in messages %}{{ m.content }}{% endfor %}'" \
  actor_rollout_ref.model.path=Qwen/Qwen2.5-Math-7B \
  actor_rollout_ref.ref.log_prob_use_dynamic_bsz=True \
  actor_rollout_ref.rollout.log_prob_use_dynamic_bsz=True \
  actor_rollout_ref.rollout.n=8 \
  actor_rollout_ref.rollout.name=vllm \
  ++actor_rollout_ref.rollout.seed=3 \
  actor_rollout_ref.rollout.temperature=1 \
  actor_rollout_ref.rollout.tensor_model_parallel_size=1 \
  actor_rollout_ref.rollout.top_p=1 \
  actor_rollout_ref.rollout.val_kwargs.do_sample=False \
  actor_rollout_ref.rollout.val_kwargs.n=1 \
  actor_rollout_ref.rollout.val_kwargs.temperature=0 \
  algorithm.adv_estimator=grpo \
  ++algorithm.norm_adv_by_std_in_grpo=True \
  algorithm.use_kl_in_reward=False \
  ++custom_reward_function.name=compute_score \
  "++custom_reward_function.path='$DIR/reward.py'" \
  data.filter_overlong_prompts=True \
  data.max_prompt_length=64 \
  data.max_response_length=96 \
  ++data.seed=3 \
  data.shuffle=False \
  data.train_batch_size=16 \
  "data.train_files='$DIR/data/train.parquet'" \
  "data.val_files='$DIR/data/test.parquet'" \
  ++reward.custom_reward_function.name=compute_score \
  "++reward.custom_reward_function.path='$DIR/reward.py'" \
  ++reward.num_workers=1 \
  "trainer.default_local_dir='$DIR/checkpoints'" \
  trainer.experiment_name=random_reward_seeds-random-0.5__grid__3 \
  'trainer.logger=[console]' \
  trainer.n_gpus_per_node=8 \
  trainer.nnodes=1 \
  trainer.project_name=rlx \
  trainer.save_freq=10 \
  trainer.test_freq=24 \
  trainer.total_epochs=100 \
  trainer.total_training_steps=24 \
  trainer.val_before_train=True \
  "$@"

# ---- run random_reward_seeds/random-0.5__grid_noclip__2
#!/usr/bin/env bash
# GRPO run 'random_reward_seeds/random-0.5__grid_noclip__2' of examples/random_reward_seeds.rlx, exported by rlx for verl.
# Needs verl installed and 1 × 8 GPUs. Extra Hydra overrides may follow: bash run.sh trainer.nnodes=2
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec python3 -m verl.trainer.main_ppo \
  ++actor_rollout_ref.actor.clip_ratio_c=1000000000 \
  ++actor_rollout_ref.actor.clip_ratio_high=1000000000 \
  ++actor_rollout_ref.actor.clip_ratio_low=1 \
  actor_rollout_ref.actor.entropy_coeff=0 \
  actor_rollout_ref.actor.grad_clip=1 \
  actor_rollout_ref.actor.kl_loss_coef=0 \
  ++actor_rollout_ref.actor.loss_agg_mode=token-mean \
  '++actor_rollout_ref.actor.optim.betas=[0.9,0.999]' \
  ++actor_rollout_ref.actor.optim.clip_grad=1 \
  actor_rollout_ref.actor.optim.lr=0.00005 \
  ++actor_rollout_ref.actor.optim.lr_scheduler_type=constant \
  ++actor_rollout_ref.actor.optim.lr_warmup_steps=0 \
  ++actor_rollout_ref.actor.optim.warmup_style=constant \
  actor_rollout_ref.actor.optim.weight_decay=0 \
  actor_rollout_ref.actor.ppo_epochs=2 \
  actor_rollout_ref.actor.ppo_max_token_len_per_gpu=16384 \
  actor_rollout_ref.actor.ppo_mini_batch_size=2 \
  actor_rollout_ref.actor.use_dynamic_bsz=True \
  actor_rollout_ref.actor.use_kl_loss=False \
  "++actor_rollout_ref.model.custom_chat_template='{% for m in messages %}{{ m.content }}{% endfor %}'" \
  actor_rollout_ref.model.path=Qwen/Qwen2.5-Math-7B \
  actor_rollout_ref.ref.log_prob_use_dynamic_bsz=True \
  actor_rollout_ref.rollout.log_prob_use_dynamic_bsz=True \
  actor_rollout_ref.rollout.n=8 \
  actor_rollout_ref.rollout.name=vllm \
  ++actor_rollout_ref.rollout.seed=2 \
  actor_rollout_ref.rollout.temperature=1 \
  actor_rollout_ref.rollout.tensor_model_parallel_size=1 \
  actor_rollout_ref.rollout.top_p=1 \
  actor_rollout_ref.rollout.val_kwargs.do_sample=False \
  actor_rollout_ref.rollout.val_kwargs.n=1 \
  actor_rollout_ref.rollout.val_kwargs.temperature=0 \
  algorithm.adv_estimator=grpo \
  ++algorithm.norm_adv_by_std_in_grpo=True \
  algorithm.use_kl_in_reward=False \
  ++custom_reward_function.name=compute_score \
  "++custom_reward_function.path='$DIR/reward.py'" \
  data.filter_overlong_prompts=True \
  data.max_prompt_length=64 \
  data.max_response_length=96 \
  ++data.seed=2 \
  data.shuffle=False \
  data.train_batch_size=16 \
  "data.train_files='$DIR/data/train.parquet'" \
  "data.val_files='$DIR/data/test.parquet'" \
  ++reward.custom_reward_function.name=compute_score \
  "++reward.custom_reward_function.path='$DIR/reward.py'" \
  ++reward.num_workers=1 \
  "trainer.default_local_dir='$DIR/checkpoints'" \
  trainer.experiment_name=random_reward_seeds-random-0.5__grid_noclip__2 \
  'trainer.logger=[console]' \
  trainer.n_gpus_per_node=8 \
  trainer.nnodes=1 \
  trainer.project_name=rlx \
  trainer.save_freq=10 \
  trainer.test_freq=24 \
  trainer.total_epochs=100 \
  trainer.total_training_steps=24 \
  trainer.val_before_train=True \
  "$@"

# ---- run random_reward_seeds/random-0.5__grid_noclip__3
#!/usr/bin/env bash
# GRPO run 'random_reward_seeds/random-0.5__grid_noclip__3' of examples/random_reward_seeds.rlx, exported by rlx for verl.
# Needs verl installed and 1 × 8 GPUs. Extra Hydra overrides may follow: bash run.sh trainer.nnodes=2
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec python3 -m verl.trainer.main_ppo \
  ++actor_rollout_ref.actor.clip_ratio_c=1000000000 \
  ++actor_rollout_ref.actor.clip_ratio_high=1000000000 \
  ++actor_rollout_ref.actor.clip_ratio_low=1 \
  actor_rollout_ref.actor.entropy_coeff=0 \
  actor_rollout_ref.actor.grad_clip=1 \
  actor_rollout_ref.actor.kl_loss_coef=0 \
  ++actor_rollout_ref.actor.loss_agg_mode=token-mean \
  '++actor_rollout_ref.actor.optim.betas=[0.9,0.999]' \
  ++actor_rollout_ref.actor.optim.clip_grad=1 \
  actor_rollout_ref.actor.optim.lr=0.00005 \
  ++actor_rollout_ref.actor.optim.lr_scheduler_type=constant \
  ++actor_rollout_ref.actor.optim.lr_warmup_steps=0 \
  ++actor_rollout_ref.actor.optim.warmup_style=constant \
  actor_rollout_ref.actor.optim.weight_decay=0 \
  actor_rollout_ref.actor.ppo_epochs=2 \
  actor_rollout_ref.actor.ppo_max_token_len_per_gpu=16384 \
  actor_rollout_ref.actor.ppo_mini_batch_size=2 \
  actor_rollout_ref.actor.use_dynamic_bsz=True \
  actor_rollout_ref.actor.use_kl_loss=False \
  "++actor_rollout_ref.model.custom_chat_template='{% for m in messages %}{{ m.content }}{% endfor %}'" \
  actor_rollout_ref.model.path=Qwen/Qwen2.5-Math-7B \
  actor_rollout_ref.ref.log_prob_use_dynamic_bsz=True \
  actor_rollout_ref.rollout.log_prob_use_dynamic_bsz=True \
  actor_rollout_ref.rollout.n=8 \
  actor_rollout_ref.rollout.name=vllm \
  ++actor_rollout_ref.rollout.seed=3 \
  actor_rollout_ref.rollout.temperature=1 \
  actor_rollout_ref.rollout.tensor_model_parallel_size=1 \
  actor_rollout_ref.rollout.top_p=1 \
  actor_rollout_ref.rollout.val_kwargs.do_sample=False \
  actor_rollout_ref.rollout.val_kwargs.n=1 \
  actor_rollout_ref.rollout.val_kwargs.temperature=0 \
  algorithm.adv_estimator=grpo \
  ++algorithm.norm_adv_by_std_in_grpo=True \
  algorithm.use_kl_in_reward=False \
  ++custom_reward_function.name=compute_score \
  "++custom_reward_function.path='$DIR/reward.py'" \
  data.filter_overlong_prompts=True \
  data.max_prompt_length=64 \
  data.max_response_length=96 \
  ++data.seed=3 \
  data.shuffle=False \
  data.train_batch_size=16 \
  "data.train_files='$DIR/data/train.parquet'" \
  "data.val_files='$DIR/data/test.parquet'" \
  ++reward.custom_reward_function.name=compute_score \
  "++reward.custom_reward_function.path='$DIR/reward.py'" \
  ++reward.num_workers=1 \
  "trainer.default_local_dir='$DIR/checkpoints'" \
  trainer.experiment_name=random_reward_seeds-random-0.5__grid_noclip__3 \
  'trainer.logger=[console]' \
  trainer.n_gpus_per_node=8 \
  trainer.nnodes=1 \
  trainer.project_name=rlx \
  trainer.save_freq=10 \
  trainer.test_freq=24 \
  trainer.total_epochs=100 \
  trainer.total_training_steps=24 \
  trainer.val_before_train=True \
  "$@"

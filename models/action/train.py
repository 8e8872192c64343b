"""Trains the action model on states written by generate.ts and exports it to ONNX.

    /usr/bin/python3 models/action/train.py --data a.jsonl b.jsonl --out models/action [--epochs 12]

Writes action-policy.onnx (int8 weights, dequantized in the graph), vocab.json and
train-report.json (losses, validation accuracies of the fp32 and int8 models)."""
import argparse
import collections
import json
import os
import random
import re
import time

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

from net import INPUTS, OUTPUTS, ActionNet

# Two threads on an idle 2-core machine; ACTION_TORCH_THREADS=1 is faster when other work shares the cores.
torch.set_num_threads(int(os.environ.get('ACTION_TORCH_THREADS', '2')))
PAD, UNKNOWN, NUMBER, FIRST_WORD = 0, 1, 2, 3
TARGET_TYPES = {0, 1, 2, 4, 5, 6}   # click, double_click, right_click, hotkey (the combo shown on screen), scroll, drag (MODEL_ACTIONS order)
CLICK_TYPES = {0, 1, 2}


def load(paths):
    rows = []
    for p in paths:
        with open(p) as f:
            for line in f:
                # A collection cut short may leave a half-written last line.
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError:
                    pass
    return rows


class WordVectors:
    """The pretrained word vectors of engine/policy/wordVectors.ts (same file, same keys): the
    samples carry each token's lookup key, this turns keys into vectors (zeros when unknown)."""

    def __init__(self, path):
        with open(path, 'rb') as f:
            magic = f.readline().decode().strip()
            if magic != 'OPERANT-WORDS 1':
                raise SystemExit(f'{path} is not a word-vector file: restore it from the repository or run npm run build:words')
            head = json.loads(f.readline())
            words = [f.readline().decode().rstrip('\n') for _ in range(head['count'])]
            values = np.frombuffer(f.read(), np.int8).astype(np.float32) * head['scale']
        self.dims = head['dims']
        self.index = {w: i for i, w in enumerate(words)}
        self.table = np.concatenate([values.reshape(head['count'], self.dims), np.zeros((1, self.dims), np.float32)])

    def lookup(self, keys):
        return self.table[[self.index.get(k, len(self.index)) for k in keys]]


WORDS = None  # set by main(): batch() reads the vectors from it


def build_vocab(rows, min_count=2):
    counts = collections.Counter(t for r in rows for t in r['tokens'] if not re.fullmatch(r'\d+', t))
    return [w for w, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if c >= min_count]


def batch(rows, ids, dims):
    ft, fe, fm, fg, nk = dims['token'], dims['element'], dims['match'], dims['global'], dims['keys']
    b = len(rows)
    T = max(r['T'] for r in rows)
    E = max(max(r['E'] for r in rows), 1)
    x = {
        'tok_ids': np.zeros((b, T), np.int64), 'tok_feats': np.zeros((b, T, ft), np.float32), 'tok_vecs': np.zeros((b, T, WORDS.dims), np.float32), 'tok_mask': np.zeros((b, T), np.float32),
        'el_feats': np.zeros((b, E, fe), np.float32), 'el_mask': np.zeros((b, E), np.float32), 'match': np.zeros((b, E, T, fm), np.float32),
        'glob': np.zeros((b, fg), np.float32), 'key_mention': np.zeros((b, nk), np.float32),
    }
    y = {k: np.full(b, -1, np.int64) for k in ['type', 'target', 'drop', 'span_start', 'span_end', 'key', 'dir', 'enter']}
    y['frac'] = np.full((b, 2), 0.5, np.float32)
    valid = np.zeros((b, E), np.bool_)
    y['drop_frac'] = np.full((b, 2), 0.5, np.float32)
    for i, r in enumerate(rows):
        t, e = r['T'], r['E']
        x['tok_ids'][i, :t] = [NUMBER if re.fullmatch(r'\d+', w) else ids.get(w, UNKNOWN) for w in r['tokens']]
        x['tok_feats'][i, :t] = np.asarray(r['tokenFeatures'], np.float32).reshape(t, ft)
        x['tok_vecs'][i, :t] = WORDS.lookup(r['words'])
        x['tok_mask'][i, :t] = 1
        if e:
            x['el_feats'][i, :e] = np.asarray(r['elementFeatures'], np.float32).reshape(e, fe)
            x['el_mask'][i, :e] = 1
            m = np.zeros(e * t * fm, np.float32)
            m[r['match']] = 1
            x['match'][i, :e, :t] = m.reshape(e, t, fm)
        x['glob'][i] = r['glob']
        x['key_mention'][i] = r['keyMention']
        lb = r['label']
        y['type'][i] = lb['type']
        y['target'][i] = lb['target'] if lb['type'] in TARGET_TYPES else -1
        if y['target'][i] >= 0:
            valid[i, y['target'][i]] = True
            if e and 0 <= lb['frac'][0] <= 1 and 0 <= lb['frac'][1] <= 1:
                valid[i, :e] |= contains(x['el_feats'][i, :e], x['el_feats'][i, y['target'][i]], lb['frac'])
        y['drop'][i] = lb['drop'] if lb['type'] == 6 else -1
        y['frac'][i] = lb['frac']
        y['drop_frac'][i] = lb['dropFrac']
        y['span_start'][i], y['span_end'][i] = lb['spanStart'], lb['spanEnd']
        y['key'][i], y['dir'][i] = lb['key'], lb['dir']
        y['enter'][i] = lb.get('enter', -1)
    y['valid'] = valid
    return {k: torch.from_numpy(v) for k, v in x.items()}, {k: torch.from_numpy(v) for k, v in y.items()}


BOX = slice(14, 18)  # x/W, y/H, w/W, h/H after the 14 kind one-hots (engine/policy/features.ts)


def contains(els, target, frac):
    """Every element whose box holds the expert's point: a click on any of them lands the same
    (the word "Save" and the button around it), so all are right answers for the pointer."""
    tx, ty, tw, th = target[BOX]
    px, py = tx + frac[0] * tw, ty + frac[1] * th
    bx, by, bw, bh = (els[:, BOX][:, k] for k in range(4))
    pad = 0.002
    return (px >= bx - pad) & (px <= bx + bw + pad) & (py >= by - pad) & (py <= by + bh + pad)


def set_ce(logits, valid, has):
    """Cross-entropy against a set of right answers: -log of their total probability."""
    if not has.any():
        return logits.sum() * 0
    right = torch.logsumexp(logits.masked_fill(~valid, -1e4), -1)
    return (torch.logsumexp(logits, -1) - right)[has].mean()


def losses(out, y):
    type_l, target_l, point, drop_l, drop_point, s0, s1, key_l, dir_l, enter_l = out
    ce = lambda logits, lab: F.cross_entropy(logits, lab, ignore_index=-1) if (lab >= 0).any() else logits.sum() * 0
    clicks = torch.tensor([int(t) in CLICK_TYPES for t in y['type']]) & (y['target'] >= 0)
    idx = y['target'].clamp(min=0)
    frac_l = F.l1_loss(point[torch.arange(len(idx)), idx][clicks], y['frac'][clicks]) if clicks.any() else point.sum() * 0
    drags = y['drop'] >= 0
    didx = y['drop'].clamp(min=0)
    typed = y['enter'] >= 0
    enter_loss = F.binary_cross_entropy_with_logits(enter_l[typed], y['enter'][typed].float()) if typed.any() else enter_l.sum() * 0
    dfrac_l = F.l1_loss(drop_point[torch.arange(len(didx)), didx][drags], y['drop_frac'][drags]) if drags.any() else point.sum() * 0
    return ce(type_l, y['type']) + set_ce(target_l, y['valid'], y['target'] >= 0) + ce(drop_l, y['drop']) + ce(s0, y['span_start']) + ce(s1, y['span_end']) + ce(key_l, y['key']) + ce(dir_l, y['dir']) + 2 * frac_l + dfrac_l + enter_loss


@torch.no_grad()
def accuracy(model, rows, ids, dims, bs=128):
    model.eval()
    hits = collections.Counter()
    tot = collections.Counter()
    for i in range(0, len(rows), bs):
        x, y = batch(rows[i:i + bs], ids, dims)
        out = model(*[x[k] for k in INPUTS])
        pred = out[0].argmax(-1)
        ok_type = pred == y['type']
        tgt = y['target'] >= 0
        ok_tgt = y['valid'].gather(1, out[1].argmax(-1, keepdim=True)).squeeze(1)
        span = y['span_start'] >= 0
        ok_span = (out[5].argmax(-1) == y['span_start']) & (out[6].argmax(-1) == y['span_end'])
        key = y['key'] >= 0
        ok_key = out[7].argmax(-1) == y['key']
        typed = y['enter'] >= 0
        ok_enter = (out[9] > 0).long() == y['enter']
        # A state is right when every part the label defines is right.
        ok = ok_type & (~tgt | ok_tgt) & (~span | ok_span) & (~key | ok_key) & (~typed | ok_enter)
        hits['type'] += int(ok_type.sum()); tot['type'] += len(pred)
        hits['target'] += int((ok_tgt & tgt).sum()); tot['target'] += int(tgt.sum())
        hits['span'] += int((ok_span & span).sum()); tot['span'] += int(span.sum())
        hits['key'] += int((ok_key & key).sum()); tot['key'] += int(key.sum())
        hits['enter'] += int((ok_enter & typed).sum()); tot['enter'] += int(typed.sum())
        hits['state'] += int(ok.sum()); tot['state'] += len(pred)
    model.train()
    return {k: round(hits[k] / max(tot[k], 1), 4) for k in tot}


def int8_rows(module, w):
    """Stores `w` on `module` as int8 with one fp32 scale per row (symmetric, no zero point)."""
    scale = w.abs().amax(1, keepdim=True).clamp(min=1e-8) / 127
    module.register_buffer('wq', torch.round(w / scale).to(torch.int8))
    module.register_buffer('scale', scale)


class QLinear(nn.Module):
    def __init__(self, lin):
        super().__init__()
        int8_rows(self, lin.weight.data)
        self.bias = lin.bias

    def forward(self, x):
        return F.linear(x, self.wq.float() * self.scale, self.bias)


class QEmbedding(nn.Module):
    def __init__(self, emb):
        super().__init__()
        int8_rows(self, emb.weight.data)

    def forward(self, ids):
        return F.embedding(ids, self.wq.float() * self.scale)


def quantized(model):
    import copy
    q = copy.deepcopy(model)
    for name, mod in list(q.named_modules()):
        for child_name, child in list(mod.named_children()):
            if isinstance(child, nn.Linear):
                setattr(mod, child_name, QLinear(child))
            elif isinstance(child, nn.Embedding):
                setattr(mod, child_name, QEmbedding(child))
    return q.eval()


def export(model, rows, ids, dims, path):
    x, _ = batch(rows[:2], ids, dims)
    axes = {'tok_ids': {1: 'tokens'}, 'tok_feats': {1: 'tokens'}, 'tok_vecs': {1: 'tokens'}, 'tok_mask': {1: 'tokens'}, 'el_feats': {1: 'elements'}, 'el_mask': {1: 'elements'},
            'match': {1: 'elements', 2: 'tokens'}, 'target_logits': {1: 'elements'}, 'point': {1: 'elements'}, 'drop_logits': {1: 'elements'},
            'drop_point': {1: 'elements'}, 'span_start': {1: 'tokens'}, 'span_end': {1: 'tokens'}}
    for k in list(axes):
        axes[k] = {0: 'batch', **axes[k]}
    for k in INPUTS + OUTPUTS:
        axes.setdefault(k, {0: 'batch'})
    # Constant folding off: it would turn the int8 weights and their scales back into fp32 constants.
    torch.onnx.export(model, tuple(x[k] for k in INPUTS), path, input_names=INPUTS, output_names=OUTPUTS, dynamic_axes=axes, opset_version=14, do_constant_folding=False)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--data', nargs='+', required=True)
    ap.add_argument('--dims', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--words', required=True, help='the word-vector file (models/action/word-vectors.bin)')
    ap.add_argument('--epochs', type=int, default=12)
    ap.add_argument('--batch', type=int, default=64)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--minutes', type=float, default=30, help='stop training after this long, whatever the epoch')
    ap.add_argument('--init', help='a directory with model.pt and vocab.json to continue from (DAgger rounds)')
    a = ap.parse_args()
    global WORDS
    WORDS = WordVectors(a.words)
    random.seed(a.seed)
    torch.manual_seed(a.seed)
    dims = json.load(open(a.dims))
    rows = load(a.data)
    random.shuffle(rows)
    n_val = max(len(rows) // 20, 1)
    val, train = rows[:n_val], rows[n_val:]
    words = json.load(open(os.path.join(a.init, 'vocab.json')))['words'] if a.init else build_vocab(train)
    ids = {w: FIRST_WORD + i for i, w in enumerate(words)}
    model = ActionNet(FIRST_WORD + len(words), WORDS.dims, dims['token'], dims['element'], dims['match'], dims['global'], dims['keys'], dims['actions'])
    if a.init:
        model.load_state_dict(torch.load(os.path.join(a.init, 'model.pt')))
    params = sum(p.numel() for p in model.parameters())
    opt = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
    # OneCycleLR needs a few steps to warm up over, even for a tiny smoke run.
    steps = max(20, a.epochs * ((len(train) + a.batch - 1) // a.batch))
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=2e-3, total_steps=steps, pct_start=0.1)
    t0 = time.time()
    # Batches of similar size waste less time on padding.
    train.sort(key=lambda r: (r['E'], r['T']))
    chunks = [train[i:i + a.batch] for i in range(0, len(train), a.batch)]
    history = []
    done = 0
    for epoch in range(a.epochs):
        random.shuffle(chunks)
        total = 0.0
        for chunk in chunks:
            x, y = batch(chunk, ids, dims)
            # Word dropout: a quarter of the known words become "unknown", as unseen words will at run
            # time, so the model learns to read their pretrained vectors too.
            drop = (torch.rand(x['tok_ids'].shape) < 0.25) & (x['tok_ids'] >= FIRST_WORD)
            x['tok_ids'] = x['tok_ids'].masked_fill(drop, UNKNOWN)
            loss = losses(model(*[x[k] for k in INPUTS]), y)
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            if done < steps - 1:
                sched.step()
            done += 1
            total += float(loss)
        acc = accuracy(model, val, ids, dims)
        history.append({'epoch': epoch, 'loss': round(total / len(chunks), 4), 'val': acc, 'minutes': round((time.time() - t0) / 60, 2)})
        print(json.dumps(history[-1]), flush=True)
        if time.time() - t0 > a.minutes * 60:
            break
    model.eval()
    q = quantized(model)
    os.makedirs(a.out, exist_ok=True)
    export(q, val, ids, dims, os.path.join(a.out, 'action-policy.onnx'))
    torch.save(model.state_dict(), os.path.join(a.out, 'model.pt'))
    with open(os.path.join(a.out, 'vocab.json'), 'w') as f:
        json.dump({'words': words}, f)
    report = {'samples': len(rows), 'train': len(train), 'val': len(val), 'parameters': params, 'vocabulary': len(words), 'history': history,
              'val_fp32': accuracy(model, val, ids, dims), 'val_int8': accuracy(q, val, ids, dims), 'train_minutes': round((time.time() - t0) / 60, 2), 'torch': torch.__version__}
    with open(os.path.join(a.out, 'train-report.json'), 'w') as f:
        json.dump(report, f, indent=1)
    print(json.dumps({k: v for k, v in report.items() if k != 'history'}))


if __name__ == '__main__':
    main()

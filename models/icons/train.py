"""Trains the icon recognizer on the samples generate.ts wrote and exports it to ONNX.

    /usr/bin/python3 models/icons/train.py --data icons.bin --classes 15 --out models/icons [--minutes 4]

Input: per sample a set byte (0 train, 1 val, 2 task-test), a label byte and 32x32 uint8 pixels.
Writes icon-names.onnx (input "crops" [N,1,32,32] float 0..1, output "probs" [N,classes]) and
train-report.json (accuracy per set, confusion on val and task-test)."""
import argparse
import json
import os
import random
import time

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

# The machine is shared: one thread, and the caller runs this under `nice`.
torch.set_num_threads(1)
SIDE = 32


class IconNet(nn.Module):
    """Four 3x3 conv blocks (16-24-32-48 channels) with pooling, global average, one linear layer."""

    def __init__(self, classes):
        super().__init__()
        chans = [1, 16, 24, 32, 48]
        self.convs = nn.ModuleList(nn.Conv2d(a, b, 3, padding=1) for a, b in zip(chans, chans[1:]))
        self.norms = nn.ModuleList(nn.BatchNorm2d(b) for b in chans[1:])
        self.head = nn.Linear(chans[-1] * 4, classes)

    def forward(self, x):
        for i, (conv, norm) in enumerate(zip(self.convs, self.norms)):
            x = F.relu(norm(conv(x)))
            if i < 3:
                x = F.max_pool2d(x, 2)
        # 4x4 map -> 2x2 average keeps coarse layout (a bell's clapper is at the bottom).
        x = F.adaptive_avg_pool2d(x, 2).flatten(1)
        return self.head(x)


class Probs(nn.Module):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, crops):
        return torch.softmax(self.net(crops), dim=1)


def load(path):
    raw = np.fromfile(path, dtype=np.uint8)
    rows = raw.reshape(-1, 2 + SIDE * SIDE)
    sets = rows[:, 0].astype(np.int64)
    labels = rows[:, 1].astype(np.int64)
    x = rows[:, 2:].astype(np.float32).reshape(-1, 1, SIDE, SIDE) / 255.0
    return sets, labels, x


def augment(x):
    """Shifts by up to 2 px and scales contrast: the crops of real screens are never exact."""
    dx, dy = random.randint(-2, 2), random.randint(-2, 2)
    x = torch.roll(x, shifts=(dy, dx), dims=(2, 3))
    gain = torch.empty(x.shape[0], 1, 1, 1).uniform_(0.7, 1.0)
    return (x * gain).clamp(0, 1)


def evaluate(model, x, y, classes):
    model.eval()
    with torch.no_grad():
        pred = torch.cat([model(x[i:i + 1024]).argmax(1) for i in range(0, len(x), 1024)]) if len(x) else torch.zeros(0, dtype=torch.long)
    conf = np.zeros((classes, classes), dtype=np.int64)
    for t, p in zip(y.tolist(), pred.tolist()):
        conf[t, p] += 1
    acc = float((pred == y).float().mean()) if len(y) else 0.0
    return acc, conf


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--data', required=True)
    ap.add_argument('--classes', type=int, required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--epochs', type=int, default=30)
    ap.add_argument('--minutes', type=float, default=4)
    ap.add_argument('--seed', type=int, default=1)
    a = ap.parse_args()
    random.seed(a.seed)
    np.random.seed(a.seed)
    torch.manual_seed(a.seed)
    sets, labels, x = load(a.data)
    x = torch.from_numpy(x)
    y = torch.from_numpy(labels)
    split = {name: torch.from_numpy(np.nonzero(sets == k)[0]) for k, name in enumerate(['train', 'val', 'task-test'])}
    tr = split['train']
    # "other" is three times as common as each icon; weigh classes evenly.
    counts = torch.bincount(y[tr], minlength=a.classes).float().clamp(min=1)
    weight = (counts.sum() / counts) / a.classes
    model = IconNet(a.classes)
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=1e-4)
    steps = a.epochs * ((len(tr) + 127) // 128)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=steps)
    started = time.time()
    log = []
    for epoch in range(a.epochs):
        model.train()
        perm = tr[torch.randperm(len(tr))]
        total = 0.0
        for i in range(0, len(perm), 128):
            idx = perm[i:i + 128]
            loss = F.cross_entropy(model(augment(x[idx])), y[idx], weight=weight, label_smoothing=0.05)
            opt.zero_grad()
            loss.backward()
            opt.step()
            if sched.last_epoch + 1 < steps:
                sched.step()
            total += float(loss) * len(idx)
        val_acc, _ = evaluate(model, x[split['val']], y[split['val']], a.classes)
        log.append({'epoch': epoch, 'loss': round(total / len(tr), 4), 'val': round(val_acc, 4), 'seconds': round(time.time() - started)})
        print(json.dumps(log[-1]), flush=True)
        if time.time() - started > a.minutes * 60:
            break
    report = {'samples': {k: int(len(v)) for k, v in split.items()}, 'epochs': log}
    for name in ['train', 'val', 'task-test']:
        acc, conf = evaluate(model, x[split[name]], y[split[name]], a.classes)
        report[name] = {'accuracy': round(acc, 4), 'confusion': conf.tolist()}
    model.eval()
    os.makedirs(a.out, exist_ok=True)
    torch.onnx.export(Probs(model), torch.zeros(1, 1, SIDE, SIDE), os.path.join(a.out, 'icon-names.onnx'), input_names=['crops'], output_names=['probs'],
                      dynamic_axes={'crops': {0: 'n'}, 'probs': {0: 'n'}}, opset_version=13)
    with open(os.path.join(a.out, 'train-report.json'), 'w') as f:
        json.dump(report, f)
    print(json.dumps({k: report[k]['accuracy'] for k in ['train', 'val', 'task-test']}))


if __name__ == '__main__':
    main()

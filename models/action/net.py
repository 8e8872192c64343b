"""The action model: explicit instruction/element match features, two small attention stacks
(over instruction tokens and over elements), pointer heads over elements, a copy head over
instruction tokens and small heads for the action type, keys and scroll direction.

Written with plain ops (no nn.TransformerEncoder) so the legacy TorchScript ONNX exporter of
Debian's torch 1.13 exports it without the fused fast path."""
import torch
from torch import nn

NEG = -1e4


class Attention(nn.Module):
    def __init__(self, d, heads):
        super().__init__()
        self.h, self.dk = heads, d // heads
        self.qkv = nn.Linear(d, 3 * d)
        self.out = nn.Linear(d, d)

    def forward(self, x, mask):
        b, n, d = x.shape
        q, k, v = self.qkv(x).reshape(b, n, 3, self.h, self.dk).permute(2, 0, 3, 1, 4)
        att = q @ k.transpose(-1, -2) / self.dk ** 0.5 + (1 - mask)[:, None, None, :] * NEG
        y = (att.softmax(-1) @ v).transpose(1, 2).reshape(b, n, d)
        return self.out(y)


class Block(nn.Module):
    def __init__(self, d, heads=4, drop=0.1):
        super().__init__()
        self.n1, self.n2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.att = Attention(d, heads)
        self.ff = nn.Sequential(nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, d))
        self.drop = nn.Dropout(drop)

    def forward(self, x, mask):
        x = x + self.drop(self.att(self.n1(x), mask))
        return x + self.drop(self.ff(self.n2(x)))


class ActionNet(nn.Module):
    def __init__(self, vocab, fv, ft, fe, fm, fg, nk, na, d=64, gates=4, layers=2):
        super().__init__()
        self.emb = nn.Embedding(vocab, d)
        # Pretrained word vectors: what an instruction word means, also for words training never used.
        self.vec_in = nn.Linear(fv, d)
        self.tok_in = nn.Linear(ft, d)
        self.tok_blocks = nn.ModuleList([Block(d) for _ in range(layers)])
        # Which instruction words name the target, the value, the drop zone…: learned gates.
        self.gate = nn.Linear(d, gates)
        self.glob_in = nn.Linear(fg, d)
        self.el_in = nn.Sequential(nn.Linear(fe + 2 * gates * fm + d, d), nn.GELU(), nn.Linear(d, d))
        self.el_blocks = nn.ModuleList([Block(d) for _ in range(layers)])
        self.pool_q = nn.Linear(d, 1)
        # The words that decide the action ("right-click", "drag") are few in a long sentence: an
        # attention pool finds them where a mean would dilute them.
        self.tok_q = nn.Linear(d, 1)
        self.head = nn.Sequential(nn.Linear(4 * d + nk, 2 * d), nn.GELU())
        self.type_out = nn.Linear(2 * d, na)
        self.key_out = nn.Linear(2 * d, nk)
        self.key_mention = nn.Parameter(torch.tensor(2.0))
        self.dir_out = nn.Linear(2 * d, 4)
        # Whether Enter follows the typed text (a native select, a search box).
        self.enter_out = nn.Linear(2 * d, 1)
        self.target_out = nn.Linear(d, 1)
        self.drop_out = nn.Linear(d, 1)
        self.point_out = nn.Linear(d, 4)
        self.span_out = nn.Linear(3 * d, 2)

    def forward(self, tok_ids, tok_feats, tok_vecs, tok_mask, el_feats, el_mask, match, glob, key_mention):
        t = self.emb(tok_ids) + self.tok_in(tok_feats) + self.vec_in(tok_vecs)
        for blk in self.tok_blocks:
            t = blk(t, tok_mask)
        g = torch.sigmoid(self.gate(t)) * tok_mask[:, :, None]                       # B T K
        b, e, n, f = match.shape
        msum = torch.einsum('betf,btk->bekf', match, g) / (g.sum(1)[:, None, :, None] + 1)
        # A smooth max over words (a p-norm; match is 0/1): the best-gated matching word. As a
        # product it would need a B×E×T×K×F tensor (600 MB for a big screen); this is a matmul.
        mmax = (torch.einsum('betf,btk->bekf', match, g ** 8) + 1e-6) ** 0.125
        gl = torch.relu(self.glob_in(glob))
        x = torch.cat([el_feats, msum.reshape(b, e, -1), mmax.reshape(b, e, -1), gl[:, None, :].expand(b, e, gl.shape[-1])], -1)
        x = self.el_in(x)
        for blk in self.el_blocks:
            x = blk(x, el_mask)
        w = (self.pool_q(x).squeeze(-1) + (1 - el_mask) * NEG).softmax(-1)
        el_pool = (w[:, :, None] * x).sum(1)
        tok_pool = (t * tok_mask[:, :, None]).sum(1) / tok_mask.sum(1, keepdim=True).clamp(min=1)
        el_neg = (1 - el_mask) * NEG
        tok_neg = (1 - tok_mask) * NEG
        tw = (self.tok_q(t).squeeze(-1) + tok_neg).softmax(-1)
        tok_att = (tw[:, :, None] * t).sum(1)
        h = self.head(torch.cat([el_pool, tok_pool, tok_att, gl, key_mention], -1))
        span = self.span_out(torch.cat([t, h[:, None, :].expand(b, n, h.shape[-1])], -1))
        # Where to point, in units of the element's size: 0.5 is its centre; values outside 0..1
        # reach a control perception missed, next to its label.
        pts = self.point_out(x) + 0.5
        return (
            self.type_out(h),
            self.target_out(x).squeeze(-1) + el_neg,
            pts[:, :, :2],
            self.drop_out(x).squeeze(-1) + el_neg,
            pts[:, :, 2:],
            span[:, :, 0] + tok_neg,
            span[:, :, 1] + tok_neg,
            self.key_out(h) + self.key_mention * key_mention,
            self.dir_out(h),
            self.enter_out(h).squeeze(-1),
        )


INPUTS = ['tok_ids', 'tok_feats', 'tok_vecs', 'tok_mask', 'el_feats', 'el_mask', 'match', 'glob', 'key_mention']
OUTPUTS = ['type_logits', 'target_logits', 'point', 'drop_logits', 'drop_point', 'span_start', 'span_end', 'key_logits', 'dir_logits', 'enter_logit']

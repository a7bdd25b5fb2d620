// One memoised node component per sticky kind, registered with React Flow by kind name.
// Defined once at module level: React Flow re-mounts every node if nodeTypes changes identity.
import type { NodeProps, NodeTypes } from '@xyflow/react';
import { createElement, memo } from 'react';
import type { ElementKind } from '../../model';
import type { FlowNode } from '../flowTypes';
import { ContextNode } from './ContextNode';
import { StickyNode } from './StickyNode';

function stickyOf(kind: Exclude<ElementKind, 'boundedContext'>) {
  const component = memo((props: NodeProps<FlowNode>) => createElement(StickyNode, { ...props, kind }));
  component.displayName = `${kind}Node`;
  return component;
}

export const nodeTypes: NodeTypes = {
  event: stickyOf('event'),
  command: stickyOf('command'),
  policy: stickyOf('policy'),
  aggregate: stickyOf('aggregate'),
  readModel: stickyOf('readModel'),
  externalSystem: stickyOf('externalSystem'),
  actor: stickyOf('actor'),
  hotspot: stickyOf('hotspot'),
  boundedContext: ContextNode,
};

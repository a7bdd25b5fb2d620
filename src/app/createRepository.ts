// Wires the boards store to storage.
import type { BoardRepositoryPort } from '../store/boardRepositoryPort';
import { createMemoryRepository } from '../store/testing/memoryRepository';

export function createRepository(): BoardRepositoryPort {
  return createMemoryRepository();
}
